using System.Net;
using System.Text;

namespace PcsAutomation.Slurm.Tests.Support;

/// <summary>One request as the stub saw it.</summary>
internal sealed record SeenRequest(string Method, string Path, string? Authorization, string? ContentType, string? Body)
{
    public string Line => $"{Method} {Path}";

    /// <summary>The bearer token, taken apart.</summary>
    public Jwt Token => Jwt.Decode(Authorization!["Bearer ".Length..]);
}

/// <summary>
/// slurmrestd as an <see cref="HttpMessageHandler"/>: each "METHOD /path" answers with what its responder returns (JSON
/// in the shapes of the v0.0.43 description, <see cref="SlurmResponses"/>); every request is recorded. An unknown route
/// answers 404 like slurmrestd (a test that reaches one fails on the assertion that follows).
/// </summary>
internal sealed class StubSlurmrestd : HttpMessageHandler
{
    private readonly Dictionary<string, Func<SeenRequest, CancellationToken, Task<HttpResponseMessage>>> routes = new(StringComparer.Ordinal);
    private readonly List<SeenRequest> seen = [];

    public IReadOnlyList<SeenRequest> Requests
    {
        get { lock (seen) return [.. seen]; }
    }

    /// <summary>The OpenAPI document of <paramref name="versions"/> (all operations of each, <see cref="OpenApiDocuments"/>).</summary>
    public StubSlurmrestd Offering(params int[] versions) =>
        On("GET /openapi/v3", _ => Json(200, OpenApiDocuments.For(versions)));

    public StubSlurmrestd On(string route, Func<SeenRequest, HttpResponseMessage> responder) =>
        On(route, (request, _) => Task.FromResult(responder(request)));

    public StubSlurmrestd On(string route, Func<SeenRequest, CancellationToken, Task<HttpResponseMessage>> responder)
    {
        routes[route] = responder;
        return this;
    }

    /// <summary>The same JSON answer every time.</summary>
    public StubSlurmrestd On(string route, int status, string json) => On(route, _ => Json(status, json));

    /// <summary>Answers in turn, the last one again once they run out.</summary>
    public StubSlurmrestd OnSequence(string route, params Func<SeenRequest, HttpResponseMessage>[] answers)
    {
        var next = 0;
        return On(route, request => answers[Math.Min(Interlocked.Increment(ref next) - 1, answers.Length - 1)](request));
    }

    public static HttpResponseMessage Json(int status, string json) =>
        new((HttpStatusCode)status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Text(int status, string text) =>
        new((HttpStatusCode)status) { Content = new StringContent(text, Encoding.UTF8, "text/plain") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var seenRequest = new SeenRequest(
            request.Method.Method, request.RequestUri!.AbsolutePath, request.Headers.Authorization?.ToString(),
            request.Content?.Headers.ContentType?.MediaType, body);
        lock (seen)
            seen.Add(seenRequest);
        return routes.TryGetValue(seenRequest.Line, out var responder)
            ? await responder(seenRequest, cancellationToken)
            : Text(404, "Unable find requested URL");
    }
}
