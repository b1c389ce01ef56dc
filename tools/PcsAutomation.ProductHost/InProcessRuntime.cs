using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Lambda.Client;
using PcsAutomation.LocalAws.Lambda;

namespace PcsAutomation.ProductHost;

/// <summary>
/// One execution environment of a function, in process: <see cref="FunctionHost"/> (the real bootstrap's init and
/// loop) served by an in-memory Runtime API. <see cref="InvokeAsync"/> hands it one event and returns the response,
/// or throws <see cref="LambdaFunctionErrorException"/> with the error the loop reported (init errors included).
/// </summary>
internal sealed class InProcessRuntime : IRuntimeApiClient
{
    private readonly Channel<InvocationRequest> next = Channel.CreateUnbounded<InvocationRequest>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> pending = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<LambdaError> initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TemplateFunction function;
    private Task loop = Task.CompletedTask;
    private long invocations;

    private InProcessRuntime(TemplateFunction function)
    {
        this.function = function;
    }

    /// <summary>False once the loop ended (an init error, a crash, or disposal): Lambda would start a fresh environment.</summary>
    public bool IsAlive => !loop.IsCompleted;

    public static InProcessRuntime Start(TemplateFunction function, FunctionHostOptions options, CancellationToken stopping)
    {
        var runtime = new InProcessRuntime(function);
        runtime.loop = Task.Run(() => FunctionHost.RunAsync(runtime, options, stopping), CancellationToken.None);
        return runtime;
    }

    public async Task<string> InvokeAsync(string payload, CancellationToken cancellationToken)
    {
        var id = $"{function.Name}-{Interlocked.Increment(ref invocations):D6}";
        var result = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = result;
        try
        {
            var request = new InvocationRequest(id, function.Clock.GetUtcNow() + function.Timeout, function.Arn, null, Encoding.UTF8.GetBytes(payload));
            await next.Writer.WriteAsync(request, cancellationToken).ConfigureAwait(false);
            var finished = await Task.WhenAny(result.Task, initError.Task, loop).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (finished == result.Task) return await result.Task.ConfigureAwait(false);
            // The loop ends right after reporting an init error; its completion may be seen first.
            if (initError.Task.IsCompleted)
            {
                var init = await initError.Task.ConfigureAwait(false);
                throw new LambdaFunctionErrorException(init.ErrorType, init.ErrorMessage);
            }
            throw new LambdaFunctionErrorException("Runtime.ExitError", $"The runtime loop of {function.Name} ended before answering: {loop.Exception?.GetBaseException().Message ?? "stopped"}.");
        }
        finally
        {
            pending.TryRemove(id, out _);
        }
    }

    /// <summary>Completes when the loop has ended (after the owner cancelled it).</summary>
    public async Task StoppedAsync()
    {
        try
        {
            await loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // the loop stops by cancellation
        }
    }

    public Task<InvocationRequest> GetNextInvocationAsync(CancellationToken cancellationToken = default) =>
        next.Reader.ReadAsync(cancellationToken).AsTask();

    public Task SendResponseAsync(string awsRequestId, ReadOnlyMemory<byte> response, CancellationToken cancellationToken = default)
    {
        if (pending.TryGetValue(awsRequestId, out var result)) result.TrySetResult(Encoding.UTF8.GetString(response.Span));
        return Task.CompletedTask;
    }

    public Task ReportInvocationErrorAsync(string awsRequestId, LambdaError lambdaError, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lambdaError);
        if (pending.TryGetValue(awsRequestId, out var result))
            result.TrySetException(new LambdaFunctionErrorException(lambdaError.ErrorType, lambdaError.ErrorMessage));
        return Task.CompletedTask;
    }

    public Task ReportInitializationErrorAsync(LambdaError lambdaError, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lambdaError);
        initError.TrySetResult(lambdaError);
        return Task.CompletedTask;
    }
}
