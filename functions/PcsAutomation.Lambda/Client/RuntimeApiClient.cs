using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Lambda.Client;

/// <summary>The Runtime API over HTTP, at the <c>host:port</c> Lambda puts in <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
public sealed class RuntimeApiClient : IRuntimeApiClient, IDisposable
{
    /// <summary>The environment variable Lambda sets to the Runtime API's <c>host:port</c>.</summary>
    public const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";

    private const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";
    private readonly HttpClient http;

    /// <param name="runtimeApi">The <c>host:port</c> of the Runtime API, e.g. <c>127.0.0.1:9001</c>.</param>
    public RuntimeApiClient(string runtimeApi)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runtimeApi);
        // /next is a long poll that lasts as long as the function sits idle: no client-side timeout.
        http = new HttpClient(new SocketsHttpHandler { UseProxy = false })
        {
            BaseAddress = new Uri($"http://{runtimeApi}/2018-06-01/runtime/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>The client for <c>AWS_LAMBDA_RUNTIME_API</c>; fails naming the variable when it is unset.</summary>
    public static RuntimeApiClient FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var value = getVariable(RuntimeApiVariable);
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException($"{RuntimeApiVariable} is not set: this process must run inside Lambda or against a Runtime API emulator.")
            : new RuntimeApiClient(value);
    }

    public async Task<InvocationRequest> GetNextInvocationAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(new Uri("invocation/next", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var headers = response.Headers;
        var deadlineMs = long.Parse(Required(headers, "Lambda-Runtime-Deadline-Ms"), CultureInfo.InvariantCulture);
        return new InvocationRequest(
            Required(headers, "Lambda-Runtime-Aws-Request-Id"),
            DateTimeOffset.FromUnixTimeMilliseconds(deadlineMs),
            Optional(headers, "Lambda-Runtime-Invoked-Function-Arn") ?? "",
            Optional(headers, "Lambda-Runtime-Trace-Id"),
            payload);
    }

    public async Task SendResponseAsync(string awsRequestId, ReadOnlyMemory<byte> response, CancellationToken cancellationToken = default)
    {
        using var content = new ReadOnlyMemoryContent(response);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        await PostAsync($"invocation/{Uri.EscapeDataString(awsRequestId)}/response", content, errorType: null, cancellationToken).ConfigureAwait(false);
    }

    public Task ReportInvocationErrorAsync(string awsRequestId, LambdaError lambdaError, CancellationToken cancellationToken = default) =>
        PostErrorAsync($"invocation/{Uri.EscapeDataString(awsRequestId)}/error", lambdaError, cancellationToken);

    public Task ReportInitializationErrorAsync(LambdaError lambdaError, CancellationToken cancellationToken = default) =>
        PostErrorAsync("init/error", lambdaError, cancellationToken);

    public void Dispose() => http.Dispose();

    private async Task PostErrorAsync(string path, LambdaError lambdaError, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(lambdaError, RuntimeJsonContext.Default.LambdaError));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        await PostAsync(path, content, lambdaError.ErrorType, cancellationToken).ConfigureAwait(false);
    }

    private async Task PostAsync(string path, HttpContent content, string? errorType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        if (errorType is not null)
            request.Headers.Add(ErrorTypeHeader, errorType);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    private static string Required(HttpResponseHeaders headers, string name) =>
        Optional(headers, name) ?? throw new InvalidOperationException($"The Runtime API sent no {name} header.");

    private static string? Optional(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
