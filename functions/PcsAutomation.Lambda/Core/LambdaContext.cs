using PcsAutomation.Lambda.Client;
using PcsAutomation.Lambda.Logging;

namespace PcsAutomation.Lambda.Core;

/// <summary>The context of one invocation; owns the deadline timer behind <see cref="CancellationToken"/>.</summary>
internal sealed class LambdaContext : ILambdaContext, IDisposable
{
    private readonly InvocationRequest invocation;
    private readonly FunctionEnvironment function;
    private readonly TimeProvider time;
    private readonly CancellationTokenSource deadline;

    public LambdaContext(InvocationRequest invocation, FunctionEnvironment function, TimeProvider time, TimeSpan safetyMargin, ILambdaLogger logger)
    {
        this.invocation = invocation;
        this.function = function;
        this.time = time;
        Logger = logger;
        var untilCancel = invocation.Deadline - safetyMargin - time.GetUtcNow();
        deadline = new CancellationTokenSource(untilCancel > TimeSpan.Zero ? untilCancel : TimeSpan.Zero, time);
    }

    public string AwsRequestId => invocation.AwsRequestId;
    public string FunctionName => function.FunctionName;
    public string FunctionVersion => function.FunctionVersion;
    public string InvokedFunctionArn => invocation.InvokedFunctionArn;
    public int MemoryLimitInMB => function.MemoryLimitInMB;
    public string LogGroupName => function.LogGroupName;
    public string LogStreamName => function.LogStreamName;
    public string? TraceId => invocation.TraceId;
    public DateTimeOffset Deadline => invocation.Deadline;
    public TimeSpan RemainingTime => invocation.Deadline - time.GetUtcNow();
    public CancellationToken CancellationToken => deadline.Token;
    public ILambdaLogger Logger { get; }

    public void Dispose() => deadline.Dispose();
}
