using PcsAutomation.Lambda.Logging;

namespace PcsAutomation.Lambda.Core;

/// <summary>What a handler knows about its invocation; shaped like Amazon.Lambda.Core's <c>ILambdaContext</c>.</summary>
public interface ILambdaContext
{
    string AwsRequestId { get; }
    string FunctionName { get; }
    string FunctionVersion { get; }
    string InvokedFunctionArn { get; }
    int MemoryLimitInMB { get; }
    string LogGroupName { get; }
    string LogStreamName { get; }

    /// <summary>The X-Ray trace header of this invocation (also in <c>_X_AMZN_TRACE_ID</c>), when tracing is on.</summary>
    string? TraceId { get; }

    /// <summary>When Lambda stops the invocation (<c>Lambda-Runtime-Deadline-Ms</c>).</summary>
    DateTimeOffset Deadline { get; }

    /// <summary>Time left before <see cref="Deadline"/>, read from the runtime's clock.</summary>
    TimeSpan RemainingTime { get; }

    /// <summary>
    /// Fires a safety margin before <see cref="Deadline"/>, so a handler can stop and let the runtime report a clean
    /// error instead of being killed mid-call.
    /// </summary>
    CancellationToken CancellationToken { get; }

    ILambdaLogger Logger { get; }
}
