using System.Net;
using System.Text;

namespace PcsAutomation.Aws.Tests.Runtime;

/// <summary>One request as the fake service saw it.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset Time);

/// <summary>A scripted AWS endpoint: answers requests in order from a queue of replies, recording each request and when it came.</summary>
public sealed class FakeAwsHandler(TimeProvider clock) : HttpMessageHandler
{
    private readonly Queue<Func<CancellationToken, Task<HttpResponseMessage>>> replies = new();
    private readonly SemaphoreSlim arrivals = new(0);

    public List<RecordedRequest> Requests { get; } = [];

    public FakeAwsHandler Respond(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        replies.Enqueue(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
            foreach (var (name, value) in headers)
                response.Headers.TryAddWithoutValidation(name, value);
            return Task.FromResult(response);
        });
        return this;
    }

    public FakeAwsHandler RespondOk(string body = "{}") => Respond(HttpStatusCode.OK, body);

    public FakeAwsHandler RespondError(HttpStatusCode status, string type, string message = "nope") =>
        Respond(status, $$"""{"__type":"{{type}}","message":"{{message}}"}""", ("x-amzn-RequestId", "req-" + (replies.Count + 1)));

    public FakeAwsHandler Fail(Exception exception)
    {
        replies.Enqueue(_ => Task.FromException<HttpResponseMessage>(exception));
        return this;
    }

    /// <summary>Never answers: the request ends only when its token is cancelled (timeout or caller).</summary>
    public FakeAwsHandler Hang()
    {
        replies.Enqueue(async token =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    /// <summary>
    /// Waits until the next request has arrived; fails at once when <paramref name="call"/> (the code under test) ends
    /// first. The real-time bound only guards a broken test (a call that neither sends nor ends).
    /// </summary>
    public async Task NextRequestAsync(Task? call = null)
    {
        var arrival = arrivals.WaitAsync(TimeSpan.FromSeconds(60));
        await Task.WhenAny(call is null ? [arrival] : [arrival, call]);
        // A request is counted before it can be answered, so a call that ended after sending one finds it counted.
        if (!arrival.IsCompleted)
            Assert.Fail($"the call ended ({call!.Status}) before sending the request the test waits for: {call.Exception?.GetBaseException().Message}");
        Assert.True(await arrival, "no request arrived");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            arrivals.Dispose();
        base.Dispose(disposing);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, headers, body, clock.GetUtcNow()));
        arrivals.Release();
        if (replies.Count == 0)
            throw new InvalidOperationException($"unexpected request #{Requests.Count}");
        return await replies.Dequeue()(cancellationToken);
    }
}
