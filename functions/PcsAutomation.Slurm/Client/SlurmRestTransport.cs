using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PcsAutomation.Slurm.Auth;
using PcsAutomation.Slurm.Connection;
using PcsAutomation.Slurm.Errors;
using PcsAutomation.Slurm.Wire;

namespace PcsAutomation.Slurm.Client;

/// <summary>
/// One request to slurmrestd: a fresh token in <c>Authorization: Bearer</c> (guide L6885-6890), a timeout per attempt on
/// the <see cref="TimeProvider"/>, bounded retries for no answer and transient 5xx only, one more try with the secret's
/// current key after error 1007 (guide L7074-7076, L7098-7123), and named errors. Every request the client makes is
/// idempotent (reads, node updates, reservation create-or-update by name, delete), so a retry after a lost answer is safe.
/// </summary>
internal sealed class SlurmRestTransport(
    SlurmRestEndpoint endpoint, HttpClient http, ISlurmKeySource keys, SlurmJwtMinter minter, SlurmRestOptions options)
{
    /// <summary>A token is replaced this long before it expires, so none lapses in flight.</summary>
    private static readonly TimeSpan RenewalMargin = TimeSpan.FromSeconds(30);

    private readonly Lock sync = new();
    private SlurmJwtKey? key;
    private SlurmToken? token;

    public SlurmRestEndpoint Endpoint => endpoint;

    /// <summary>The response body of a successful request (2xx, no Slurm error).</summary>
    public async Task<byte[]> SendAsync(HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken)
    {
        var request = $"{method.Method} {path}";
        var keyRenewed = false;
        for (var attempt = 1; ; attempt++)
        {
            var current = await TokenAsync(cancellationToken).ConfigureAwait(false);
            var outcome = await AttemptAsync(method, path, body, current, cancellationToken).ConfigureAwait(false);
            if (outcome is NoAnswer silence)
            {
                if (attempt < options.MaxAttempts)
                {
                    await BackOffAsync(attempt, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                throw Unreachable(request, silence, attempt);
            }

            var answer = (Answer)outcome;
            var errors = ReadErrors(answer.Body);
            switch (SlurmResponseClassifier.Classify(answer.Status, errors))
            {
                case SlurmAnswerKind.Success:
                    return answer.Body;
                case SlurmAnswerKind.KeyRefused when !keyRenewed:
                    keyRenewed = true;
                    if (await RenewKeyAsync(cancellationToken).ConfigureAwait(false))
                    {
                        attempt--; // the retry with the new key is not a transient retry
                        continue;
                    }
                    throw KeyRefused(request, answer, errors, renewed: false);
                case SlurmAnswerKind.KeyRefused:
                    throw KeyRefused(request, answer, errors, renewed: true);
                case SlurmAnswerKind.Unauthenticated:
                    throw new SlurmRestAuthenticationException(
                        $"{request} on {endpoint}: slurmrestd refused the request's authentication (HTTP 401). The token is sent as " +
                        "Authorization: Bearer (guide L6885-6890); a proxy in between may drop the header.",
                        endpoint, request, answer.Status, errors, keyProbablyChanged: false, retriedWithCurrentKey: false);
                case SlurmAnswerKind.Transient when attempt < options.MaxAttempts:
                    await BackOffAsync(attempt, cancellationToken).ConfigureAwait(false);
                    continue;
                case SlurmAnswerKind.Transient:
                    throw new SlurmRestTransientException(
                        $"{request} on {endpoint} failed (HTTP {answer.Status}) after {attempt} attempt(s): {SlurmRestException.Describe(errors)}.",
                        endpoint, request, answer.Status, errors);
                default:
                    throw new SlurmRestException(
                        $"{request} on {endpoint} failed (HTTP {answer.Status}): {SlurmRestException.Describe(errors)}.",
                        endpoint, request, answer.Status, errors);
            }
        }
    }

    /// <summary>The body of a successful request, read as <typeparamref name="T"/>; another shape is a protocol error.</summary>
    public async Task<T> SendAsync<T>(HttpMethod method, string path, byte[]? body, JsonTypeInfo<T> responseInfo, CancellationToken cancellationToken)
    {
        var bytes = await SendAsync(method, path, body, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(bytes, responseInfo)
                ?? throw new JsonException("the body is JSON null");
        }
        catch (JsonException e)
        {
            throw new SlurmRestProtocolException(
                $"{method.Method} {path} on {endpoint} answered with a body that is not the documented JSON ({e.Message}).",
                endpoint, $"{method.Method} {path}", 200, e);
        }
    }

    private async Task<SlurmToken> TokenAsync(CancellationToken cancellationToken)
    {
        SlurmJwtKey? signing;
        lock (sync)
            signing = key;
        if (signing is null)
        {
            var read = await keys.ReadAsync(cancellationToken).ConfigureAwait(false);
            lock (sync)
                key ??= read;
        }
        lock (sync)
        {
            if (token is null || token.ExpiresWithin(RenewalMargin, options.TimeProvider.GetUtcNow()))
                token = minter.Mint(key!);
            return token;
        }
    }

    /// <summary>Reads the secret's current key; true (and a token minted with it) when it differs from the one refused.</summary>
    private async Task<bool> RenewKeyAsync(CancellationToken cancellationToken)
    {
        var current = await keys.ReadCurrentAsync(cancellationToken).ConfigureAwait(false);
        lock (sync)
        {
            if (key is not null && key.SameKeyAs(current))
                return false;
            key = current;
            token = minter.Mint(current);
            return true;
        }
    }

    private SlurmRestAuthenticationException KeyRefused(string request, Answer answer, IReadOnlyList<SlurmError> errors, bool renewed)
    {
        var why = renewed
            ? "refused again with a token signed with the secret's current version"
            : "the token was already signed with the secret's current version, so a rotated key is not the cause";
        return new SlurmRestAuthenticationException(
            $"{request} on {endpoint}: Slurm refused the token (HTTP {answer.Status}): {SlurmRestException.Describe(errors)}; {why}. " +
            $"Check the token's user ({minter.Identity.UserName}, uid {minter.Identity.Uid}) exists on the cluster and the claims the guide lists (L6861-6883).",
            endpoint, request, answer.Status, errors, keyProbablyChanged: true, retriedWithCurrentKey: true);
    }

    private async Task<Outcome> AttemptAsync(HttpMethod method, string path, byte[]? body, SlurmToken current, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.RequestTimeout, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var message = new HttpRequestMessage(method, new Uri(endpoint.BaseAddress, path));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", current.Reveal());
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            return new Answer((int)response.StatusCode, bytes);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            return new NoAnswer(SlurmUnreachableCause.Timeout, e);
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            return new NoAnswer(SlurmUnreachableCause.ConnectionRefused, e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return new NoAnswer(SlurmUnreachableCause.Network, e);
        }
    }

    private Task BackOffAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(options.RetryDelay * Math.Pow(2, attempt - 1), options.TimeProvider, cancellationToken);

    private SlurmRestUnreachableException Unreachable(string request, NoAnswer silence, int attempts)
    {
        var what = silence.Cause switch
        {
            SlurmUnreachableCause.ConnectionRefused => "connection refused",
            SlurmUnreachableCause.Timeout => $"no response within {options.RequestTimeout.TotalSeconds:0.###} s",
            _ => $"network error: {silence.Exception.Message}",
        };
        return new SlurmRestUnreachableException(
            $"{request}: the Slurm REST API of {endpoint} did not answer ({what}) after {attempts} attempt(s). Likely causes: the cluster's " +
            $"security group does not allow TCP {endpoint.Port} from this function (guide L6709, L7070-7072), or the function does not run in " +
            $"the cluster's VPC with a route to {endpoint.Address} (the endpoint is private, guide L6708, L7062-7064, L7092-7096).",
            endpoint, request, silence.Cause, silence.Exception);
    }

    /// <summary>The <c>errors[]</c> of any answer; none when the body is not slurmrestd's JSON (a 401's plain text).</summary>
    private static List<SlurmError> ReadErrors(byte[] body)
    {
        if (body.Length == 0)
            return [];
        try
        {
            var response = JsonSerializer.Deserialize(body, SlurmWireJsonContext.Default.WireResponse);
            return response?.Errors?.Select(e => new SlurmError(e.ErrorNumber, e.Error, e.Description, e.Source)).ToList() ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private abstract record Outcome;

    private sealed record Answer(int Status, byte[] Body) : Outcome;

    private sealed record NoAnswer(SlurmUnreachableCause Cause, Exception Exception) : Outcome;
}
