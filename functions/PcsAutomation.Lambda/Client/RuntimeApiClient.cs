using System.Globalization;
using System.Net;
using System.Text.Json;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Lambda.Client;

/// <summary>The Runtime API over HTTP, at the <c>host:port</c> Lambda puts in <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
public sealed class RuntimeApiClient : IRuntimeApiClient, IDisposable
{
    /// <summary>The environment variable Lambda sets to the Runtime API's <c>host:port</c>.</summary>
    public const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";

    private const string Prefix = "/2018-06-01/runtime/";
    private readonly RuntimeApiConnection connection;

    /// <param name="runtimeApi">The <c>host:port</c> of the Runtime API, e.g. <c>127.0.0.1:9001</c>.</param>
    public RuntimeApiClient(string runtimeApi)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runtimeApi);
        // /next is a long poll that lasts as long as the function sits idle: no client-side timeout.
        connection = new RuntimeApiConnection(runtimeApi);
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
        var response = await SendAsync("GET", "invocation/next", ReadOnlyMemory<byte>.Empty, errorType: null, cancellationToken).ConfigureAwait(false);
        var deadlineMs = long.Parse(Required(response, "Lambda-Runtime-Deadline-Ms"), CultureInfo.InvariantCulture);
        return new InvocationRequest(
            Required(response, "Lambda-Runtime-Aws-Request-Id"),
            DateTimeOffset.FromUnixTimeMilliseconds(deadlineMs),
            response.Header("Lambda-Runtime-Invoked-Function-Arn") ?? "",
            response.Header("Lambda-Runtime-Trace-Id"),
            response.Body);
    }

    public async Task SendResponseAsync(string awsRequestId, ReadOnlyMemory<byte> response, CancellationToken cancellationToken = default) =>
        await SendAsync("POST", $"invocation/{Uri.EscapeDataString(awsRequestId)}/response", response, errorType: null, cancellationToken).ConfigureAwait(false);

    public Task ReportInvocationErrorAsync(string awsRequestId, LambdaError lambdaError, CancellationToken cancellationToken = default) =>
        PostErrorAsync($"invocation/{Uri.EscapeDataString(awsRequestId)}/error", lambdaError, cancellationToken);

    public Task ReportInitializationErrorAsync(LambdaError lambdaError, CancellationToken cancellationToken = default) =>
        PostErrorAsync("init/error", lambdaError, cancellationToken);

    public void Dispose() => connection.Dispose();

    private async Task PostErrorAsync(string path, LambdaError lambdaError, CancellationToken cancellationToken) =>
        await SendAsync("POST", path, JsonSerializer.SerializeToUtf8Bytes(lambdaError, RuntimeJsonContext.Strict.LambdaError), lambdaError.ErrorType, cancellationToken).ConfigureAwait(false);

    /// <summary>One exchange; an answer other than 2xx fails as <see cref="HttpClient"/> would, with its status code.</summary>
    private async Task<RuntimeApiResponse> SendAsync(string method, string path, ReadOnlyMemory<byte> body, string? errorType, CancellationToken cancellationToken)
    {
        var response = await connection.SendAsync(method, Prefix + path, body, errorType, cancellationToken).ConfigureAwait(false);
        return response.StatusCode is >= 200 and < 300
            ? response
            : throw new HttpRequestException(
                $"The Runtime API answered {response.StatusCode} ({response.ReasonPhrase}) to {method} {path}.", null, (HttpStatusCode)response.StatusCode);
    }

    private static string Required(RuntimeApiResponse response, string name) =>
        response.Header(name) ?? throw new InvalidOperationException($"The Runtime API sent no {name} header.");
}
