
namespace PcsAutomation.LocalAws.Lambda;

/// <summary>
/// Lambda Runtime API side of the emulator (issue 3 item 8): <see cref="InvokeAsync"/> runs a registered function and
/// returns its response or its function error. An external bootstrap gets one process per function, started on first
/// invoke with the environment Lambda would give it (AWS_ENDPOINT_URL pointing at this emulator), stopped on dispose;
/// an in-process delegate answers the same contract without a process.
/// </summary>
/// <param name="aws">The emulator whose endpoint, Region and test credentials the functions receive.</param>
/// <param name="deadlines">The clock of invocation deadlines: a bootstrap process compares them with the real clock.</param>
public sealed class LambdaHost(LocalAws aws, TimeProvider deadlines) : IAsyncDisposable
{
    private readonly Dictionary<string, LambdaFunction> functions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FunctionProcess> processes = new(StringComparer.Ordinal);
    private static readonly TimeSpan TimeoutGrace = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim gate = new(1, 1);

    public void Register(LambdaFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        function.Validate();
        lock (functions) functions[function.Name] = function;
    }

    /// <summary>The output lines of a function's process so far (empty before its first invoke or for in-process functions).</summary>
    public IReadOnlyList<string> Logs(string functionName)
    {
        lock (processes) return processes.TryGetValue(functionName, out var process) ? [.. process.Output] : [];
    }

    /// <summary>The registered functions (template functions and those registered by tests).</summary>
    public IReadOnlyList<LambdaFunction> Functions
    {
        get
        {
            lock (functions) return [.. functions.Values.OrderBy(f => f.Name, StringComparer.Ordinal)];
        }
    }

    /// <summary>
    /// Runs one invocation and returns its response or function error. It counts as emulator work
    /// (<see cref="LocalAws.Activity"/>) from the call until the result, so running the clock waits for it.
    /// </summary>
    public Task<LambdaInvocationResult> InvokeAsync(string functionName, string payloadJson, CancellationToken cancellationToken = default) =>
        InvokeAsync(functionName, payloadJson, null, cancellationToken);

    /// <summary>
    /// An invocation for a Task state: a States engine thread waits for it (<see cref="Clock.EmulatorActivity.AwaitedByEngine"/>),
    /// so running the clock knows that thread is not doing work of its own while the invocation runs.
    /// </summary>
    internal Task<LambdaInvocationResult> InvokeForEngineAsync(string functionName, string payloadJson, CancellationToken cancellationToken) =>
        InvokeAsync(functionName, payloadJson, null, cancellationToken, awaitedByEngine: true);

    /// <param name="functionName">The function.</param>
    /// <param name="payloadJson">The event.</param>
    /// <param name="completed">
    /// Runs with the result (or the exception) while the invocation still counts as emulator work, so whoever records
    /// the outcome does so before <see cref="LocalAws.SettleAsync"/> can see the emulator idle.
    /// </param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <param name="awaitedByEngine">A States engine thread waits for this invocation (a Task state).</param>
    internal async Task<LambdaInvocationResult> InvokeAsync(string functionName, string payloadJson,
        Action<LambdaInvocationResult?, Exception?>? completed, CancellationToken cancellationToken, bool awaitedByEngine = false)
    {
        ArgumentNullException.ThrowIfNull(payloadJson);
        // Entered before the first await: whoever starts an invocation sees it counted when the call returns its task.
        using var working = awaitedByEngine ? aws.Activity.EnterAwaitedByEngine() : aws.Activity.Enter();
        LambdaInvocationResult result;
        try
        {
            // Counted, so no move of the wall clock starts from here on (LocalAws.FunctionsAwake); one under way ends
            // before the function takes its deadline, so no jump overtakes a function that had not seen it.
            await aws.Clock.WhenNotAdvancingAsync().ConfigureAwait(false);
            result = await InvokeCoreAsync(functionName, payloadJson, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (completed is not null)
        {
            completed(null, error);
            throw;
        }
        completed?.Invoke(result, null);
        return result;
    }

    private async Task<LambdaInvocationResult> InvokeCoreAsync(string functionName, string payloadJson, CancellationToken cancellationToken)
    {
        LambdaFunction function;
        lock (functions)
            function = functions.GetValueOrDefault(functionName) ?? throw new AwsServiceException("ResourceNotFoundException", $"Function not found: {FunctionArn(functionName)}", 404);
        return function.InProcess is { } handler
            ? await InvokeInProcessAsync(handler, payloadJson, cancellationToken).ConfigureAwait(false)
            : await InvokeProcessAsync(function, payloadJson, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        List<FunctionProcess> running;
        lock (processes)
        {
            running = [.. processes.Values];
            processes.Clear();
        }
        foreach (var process in running) await process.DisposeAsync().ConfigureAwait(false);
        gate.Dispose();
    }

    private string FunctionArn(string name) => $"arn:aws:lambda:{aws.Options.Region}:{aws.Options.AccountId}:function:{name}";

    private static async Task<LambdaInvocationResult> InvokeInProcessAsync(
        Func<string, CancellationToken, Task<string>> handler, string payload, CancellationToken cancellationToken)
    {
        try
        {
            return new LambdaInvocationResult(await handler(payload, cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // what the runtime posts to /invocation/{id}/error: the exception's type name and message, or the
            // errorType an in-process runtime loop reported
            var type = error is LambdaFunctionErrorException reported ? reported.ErrorType : error.GetType().Name;
            return new LambdaInvocationResult(null, new LambdaFunctionError(type, error.Message));
        }
    }

    private async Task<LambdaInvocationResult> InvokeProcessAsync(LambdaFunction function, string payload, CancellationToken cancellationToken)
    {
        var process = await StartedAsync(function).ConfigureAwait(false);
        var invocation = process.Api.Enqueue(payload);
        Task finished;
        try
        {
            // Past its timeout Lambda stops the sandbox: the next invoke starts a fresh process.
            finished = await Task.WhenAny(invocation.Result, process.Api.InitError, process.Exited)
                .WaitAsync(function.Timeout + TimeoutGrace, deadlines, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await StopAsync(function.Name, process).ConfigureAwait(false);
            return new LambdaInvocationResult(null, new LambdaFunctionError("Sandbox.Timedout",
                $"Task timed out after {function.Timeout.TotalSeconds:0.00} seconds"));
        }
        if (finished == invocation.Result)
        {
            var result = await invocation.Result.ConfigureAwait(false);
            return result.Error is { } error
                ? new LambdaInvocationResult(null, new LambdaFunctionError(error.ErrorType, error.ErrorMessage))
                : new LambdaInvocationResult(result.Body, null);
        }
        if (finished == process.Api.InitError)
        {
            var init = await process.Api.InitError.ConfigureAwait(false);
            return new LambdaInvocationResult(null, new LambdaFunctionError(init.ErrorType, init.ErrorMessage));
        }
        return new LambdaInvocationResult(null, new LambdaFunctionError("Runtime.ExitError", $"The bootstrap of {function.Name} exited before answering."));
    }

    private async Task StopAsync(string name, FunctionProcess process)
    {
        lock (processes)
            if (processes.TryGetValue(name, out var current) && current == process) processes.Remove(name);
        await process.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<FunctionProcess> StartedAsync(LambdaFunction function)
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            lock (processes)
                if (processes.TryGetValue(function.Name, out var existing)) return existing;
            var started = await FunctionProcess.StartAsync(function, aws.EnvironmentVariables, FunctionArn(function.Name), deadlines).ConfigureAwait(false);
            lock (processes) processes[function.Name] = started;
            return started;
        }
        finally
        {
            gate.Release();
        }
    }
}
