using System.Text.Json.Serialization.Metadata;
using PcsAutomation.Aws.Runtime;

namespace PcsAutomation.Aws.Tests.Conformance;

/// <summary>
/// A fake transport: records each call (operation, request, the metadata the client passed) and answers from a queue
/// of responses, or with a default response when the queue is empty.
/// </summary>
public sealed class RecordingInvoker : IAwsJsonInvoker
{
    private readonly Queue<object> responses = new();

    public List<RecordedCall> Calls { get; } = [];

    public RecordingInvoker Returns(params object[] pages)
    {
        foreach (var page in pages)
            responses.Enqueue(page);
        return this;
    }

    public Task<TResponse> InvokeAsync<TRequest, TResponse>(
        string operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestInfo,
        JsonTypeInfo<TResponse> responseInfo,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Calls.Add(new RecordedCall(operation, request!, requestInfo, responseInfo));
        var response = responses.Count > 0 ? (TResponse)responses.Dequeue() : default!;
        return Task.FromResult(response);
    }
}

public sealed record RecordedCall(string Operation, object Request, JsonTypeInfo RequestInfo, JsonTypeInfo ResponseInfo);
