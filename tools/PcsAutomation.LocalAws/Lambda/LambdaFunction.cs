namespace PcsAutomation.LocalAws.Lambda;

/// <summary>
/// A function the emulator can invoke: either an external <c>bootstrap</c> executable (custom runtime, served over
/// the Runtime API) or an in-process delegate with the same contract (JSON in, JSON out or a function error).
/// </summary>
/// <param name="Name">The function name (<c>AWS_LAMBDA_FUNCTION_NAME</c>).</param>
public sealed record LambdaFunction(string Name)
{
    /// <summary>Path of the bootstrap executable; null for an in-process function.</summary>
    public string? BootstrapPath { get; init; }

    /// <summary>The template's <c>Handler</c>, passed as <c>_HANDLER</c>.</summary>
    public string Handler { get; init; } = "";

    /// <summary>The in-process handler: payload JSON → response JSON; an exception is the function error.</summary>
    public Func<string, CancellationToken, Task<string>>? InProcess { get; init; }

    /// <summary><c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>; default 512 MB.</summary>
    public int MemoryMb { get; init; } = 512;

    /// <summary><c>AWS_LAMBDA_LOG_LEVEL</c>; default INFO.</summary>
    public string LogLevel { get; init; } = "INFO";

    /// <summary>The function timeout: each invocation's deadline; default 30 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The template's <c>Environment.Variables</c>.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        if ((BootstrapPath is null) == (InProcess is null))
            throw new ArgumentException($"Function {Name}: set exactly one of {nameof(BootstrapPath)} and {nameof(InProcess)}.");
        if (Timeout <= TimeSpan.Zero) throw new ArgumentException($"Function {Name}: {nameof(Timeout)} must be positive.");
    }
}

/// <summary>What an invocation returned: the response JSON, or the function error (as Lambda's Invoke reports it).</summary>
public sealed record LambdaInvocationResult(string? Payload, LambdaFunctionError? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>A function error: <c>errorType</c> and <c>errorMessage</c> of the error document.</summary>
public sealed record LambdaFunctionError(string ErrorType, string ErrorMessage);
