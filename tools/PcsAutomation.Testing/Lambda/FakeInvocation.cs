using System.Text.Json;

namespace PcsAutomation.Testing.Lambda;

/// <summary>One event queued on a <see cref="FakeRuntimeApi"/>; <see cref="Result"/> completes when the function answers.</summary>
public sealed class FakeInvocation
{
    private readonly TaskCompletionSource<FakeInvocationResult> result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal FakeInvocation(string requestId, string payload, DateTimeOffset deadline, string functionArn, string? traceId)
    {
        RequestId = requestId;
        Payload = payload;
        Deadline = deadline;
        FunctionArn = functionArn;
        TraceId = traceId;
    }

    public string RequestId { get; }
    public string Payload { get; }
    public DateTimeOffset Deadline { get; }
    public string FunctionArn { get; }
    public string? TraceId { get; }

    /// <summary>The function's <c>/response</c> or <c>/error</c> for this invocation.</summary>
    public Task<FakeInvocationResult> Result => result.Task;

    internal bool Complete(FakeInvocationResult outcome) => result.TrySetResult(outcome);
}

/// <summary>What the function posted for an invocation.</summary>
/// <param name="RequestId">The invocation's request id.</param>
/// <param name="Body">The response JSON, or the error JSON.</param>
/// <param name="Error">The parsed error, when the function posted to <c>/error</c>; null on success.</param>
public sealed record FakeInvocationResult(string RequestId, string Body, FakeRuntimeError? Error)
{
    public bool Succeeded => Error is null;

    /// <summary>The response body as JSON (for a success).</summary>
    public JsonElement Json
    {
        get
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.Clone();
        }
    }
}

/// <summary>An error posted to <c>/invocation/{id}/error</c> or <c>/init/error</c>.</summary>
/// <param name="ErrorTypeHeader">The <c>Lambda-Runtime-Function-Error-Type</c> header, or null when absent.</param>
/// <param name="ErrorType">The body's <c>errorType</c>.</param>
/// <param name="ErrorMessage">The body's <c>errorMessage</c>.</param>
/// <param name="StackTrace">The body's <c>stackTrace</c> lines.</param>
/// <param name="Body">The raw body.</param>
public sealed record FakeRuntimeError(string? ErrorTypeHeader, string ErrorType, string ErrorMessage, IReadOnlyList<string> StackTrace, string Body)
{
    internal static FakeRuntimeError Parse(string? header, string body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        string Read(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        var frames = root.TryGetProperty("stackTrace", out var trace) && trace.ValueKind == JsonValueKind.Array
            ? trace.EnumerateArray().Select(f => f.GetString() ?? "").ToList()
            : [];
        return new FakeRuntimeError(header, Read("errorType"), Read("errorMessage"), frames, body);
    }
}
