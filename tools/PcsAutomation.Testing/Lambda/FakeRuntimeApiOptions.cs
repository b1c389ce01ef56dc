namespace PcsAutomation.Testing.Lambda;

/// <summary>How a <see cref="FakeRuntimeApi"/> fills the <c>Lambda-Runtime-*</c> headers it does not get per invocation.</summary>
public sealed record FakeRuntimeApiOptions
{
    /// <summary>
    /// The clock that sets default deadlines. Required: a test of an in-process loop passes its
    /// <c>FakeTimeProvider</c>; a test of a real bootstrap process passes the system clock, since the process reads it.
    /// </summary>
    public required TimeProvider Time { get; init; }

    /// <summary>The function timeout used when an invocation names no deadline. Default: 30 seconds. Must be positive.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The <c>Lambda-Runtime-Invoked-Function-Arn</c> when an invocation names none. Default: a <c>test</c> function in us-east-1.</summary>
    public string DefaultFunctionArn { get; init; } = "arn:aws:lambda:us-east-1:123456789012:function:test";

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Time, nameof(Time));
        if (DefaultTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(DefaultTimeout), DefaultTimeout, "must be positive");
        ArgumentException.ThrowIfNullOrEmpty(DefaultFunctionArn, nameof(DefaultFunctionArn));
    }
}

/// <summary>Per-invocation headers; anything left null takes the server's default.</summary>
/// <param name="RequestId"><c>Lambda-Runtime-Aws-Request-Id</c>; default: a new GUID.</param>
/// <param name="Deadline"><c>Lambda-Runtime-Deadline-Ms</c>; default: now + <see cref="FakeRuntimeApiOptions.DefaultTimeout"/>.</param>
/// <param name="TraceId"><c>Lambda-Runtime-Trace-Id</c>; default: none (header not sent).</param>
/// <param name="FunctionArn"><c>Lambda-Runtime-Invoked-Function-Arn</c>; default: <see cref="FakeRuntimeApiOptions.DefaultFunctionArn"/>.</param>
public sealed record FakeInvocationHeaders(
    string? RequestId = null,
    DateTimeOffset? Deadline = null,
    string? TraceId = null,
    string? FunctionArn = null);
