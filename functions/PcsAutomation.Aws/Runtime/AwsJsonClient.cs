using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PcsAutomation.Aws.Signing;

namespace PcsAutomation.Aws.Runtime;

/// <summary>
/// The awsJson1_0 / awsJson1_1 protocol: every operation is <c>POST /</c> with <c>X-Amz-Target: &lt;prefix&gt;.&lt;Operation&gt;</c>,
/// signed with SigV4 (again on every attempt, so the date is fresh), retried like the SDKs' standard mode.
/// </summary>
public sealed class AwsJsonClient : IAwsJsonInvoker
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    private readonly AwsErrorFactory errorFactory;
    private readonly AwsCallSettings settings;
    private readonly AwsRetryStrategy retry;

    internal AwsJsonClient(AwsServiceMetadata service, AwsErrorFactory? errorFactory, Uri endpoint, AwsCallSettings settings, int quotaCapacity = AwsRetryStrategy.DefaultQuota)
    {
        Service = service;
        Endpoint = endpoint;
        this.errorFactory = errorFactory ?? (error => error.ToServiceException());
        this.settings = settings;
        retry = new AwsRetryStrategy(settings.MaxAttempts, settings.Random, quotaCapacity);
    }

    public AwsServiceMetadata Service { get; }

    public Uri Endpoint { get; }

    public async Task<TResponse> InvokeAsync<TRequest, TResponse>(
        string operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestInfo,
        JsonTypeInfo<TResponse> responseInfo,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, requestInfo);
        var lastCost = 0;
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await AttemptAsync(operation, body, cancellationToken).ConfigureAwait(false);
            if (outcome is AttemptOutcome.Success success)
            {
                retry.RecordSuccess(lastCost);
                return Deserialize(operation, success.Body, responseInfo);
            }

            var decision = IsRetryable(outcome) ? retry.NextRetry(attempt, outcome is AttemptOutcome.NoResponse { TimedOut: true }) : null;
            if (decision is null)
                throw Failure(operation, attempt, outcome);
            lastCost = decision.Cost;
            await Task.Delay(decision.Delay, settings.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<AttemptOutcome> AttemptAsync(string operation, byte[] body, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(settings.RequestTimeout, settings.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var message = await SignedRequestAsync(operation, body).ConfigureAwait(false);
            using var response = await settings.Http.Value.SendAsync(message, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var responseBody = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? new AttemptOutcome.Success(responseBody)
                : new AttemptOutcome.ServiceError(AwsErrorParser.Parse(response.StatusCode, response.Headers, responseBody));
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            return new AttemptOutcome.NoResponse(e, TimedOut: true);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return new AttemptOutcome.NoResponse(e, TimedOut: false);
        }
    }

    private async Task<HttpRequestMessage> SignedRequestAsync(string operation, byte[] body)
    {
        // Resolved per attempt: refreshing credentials (container, IMDS, SSO) renew themselves here.
        var credentials = await settings.Credentials.Value.GetCredentialsAsync().ConfigureAwait(false);
        var host = Endpoint.IsDefaultPort ? Endpoint.Host : $"{Endpoint.Host}:{Endpoint.Port}";
        var scope = new SigV4Scope(settings.Region, Service.SigningName, settings.TimeProvider.GetUtcNow());
        var target = $"{Service.TargetPrefix}.{operation}";
        List<KeyValuePair<string, string>> headers =
        [
            new("Host", host),
            new("X-Amz-Date", scope.AmzDate),
            new("X-Amz-Target", target),
            new("Content-Type", Service.ContentType),
        ];
        var signature = SigV4Signer.Sign(
            new SigV4Request("POST", Uri.UnescapeDataString(Endpoint.AbsolutePath), "", headers, body), credentials, scope);

        var message = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(Service.ContentType);
        message.Headers.Host = host;
        message.Headers.TryAddWithoutValidation("X-Amz-Date", scope.AmzDate);
        message.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        foreach (var (name, value) in signature.HeadersToAdd)
            message.Headers.TryAddWithoutValidation(name, value);
        message.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
        return message;
    }

    private static bool IsRetryable(AttemptOutcome outcome) => outcome switch
    {
        AttemptOutcome.ServiceError error => AwsRetryClassifier.IsRetryable(error.Error),
        AttemptOutcome.NoResponse => true,
        _ => false,
    };

    private Exception Failure(string operation, int attempts, AttemptOutcome outcome)
    {
        switch (outcome)
        {
            case AttemptOutcome.ServiceError error:
                return errorFactory(error.Error);
            case AttemptOutcome.NoResponse { TimedOut: true } timedOut:
                return new TimeoutException(
                    $"{Service.TargetPrefix}.{operation}: no response from {Endpoint.Host} within {settings.RequestTimeout.TotalSeconds:0.###} s (attempt {attempts} of {retry.MaxAttempts}).",
                    timedOut.Exception);
            case AttemptOutcome.NoResponse network:
                ExceptionDispatchInfo.Capture(network.Exception).Throw();
                return network.Exception;
            default:
                throw new InvalidOperationException("unreachable: a success is not a failure");
        }
    }

    private TResponse Deserialize<TResponse>(string operation, byte[] body, JsonTypeInfo<TResponse> responseInfo)
    {
        // Operations with an empty output answer with an empty body: read it as {}.
        var json = body.AsSpan().Trim(" \t\r\n"u8).IsEmpty ? EmptyObject : body;
        return JsonSerializer.Deserialize(json, responseInfo)
            ?? throw new JsonException($"{Service.TargetPrefix}.{operation}: the response body is JSON null.");
    }
}
