using PcsAutomation.Slurm.Connection;

namespace PcsAutomation.Slurm.Errors;

#pragma warning disable CA1032 // built only by the client, with the facts its message names; no empty constructors

/// <summary>
/// A slurmrestd call that failed: which cluster and endpoint, which request, the HTTP status and the Slurm
/// <see cref="Errors"/> of the response. Its message never carries a token or key (nothing secret is ever formatted into it).
/// </summary>
public class SlurmRestException : Exception
{
    public SlurmRestException(string message, SlurmRestEndpoint endpoint, string request, int? httpStatus, IReadOnlyList<SlurmError> errors, Exception? innerException = null)
        : base(message, innerException)
    {
        Endpoint = endpoint;
        Request = request;
        HttpStatus = httpStatus;
        Errors = errors;
    }

    /// <summary>The cluster's slurmrestd.</summary>
    public SlurmRestEndpoint Endpoint { get; }

    /// <summary>"GET /slurm/v0.0.43/jobs/".</summary>
    public string Request { get; }

    /// <summary>The HTTP status answered; null when no response came.</summary>
    public int? HttpStatus { get; }

    /// <summary>The response's <c>errors[]</c>, empty when it had none (or no JSON body).</summary>
    public IReadOnlyList<SlurmError> Errors { get; }

    /// <summary>True when trying again later may succeed (no answer, 502/503/504, a 500 without Slurm errors).</summary>
    public virtual bool IsTransient => false;

    /// <summary>True when an error of the response carries <paramref name="errorNumber"/>.</summary>
    public bool HasError(int errorNumber) => Errors.Any(e => e.ErrorNumber == errorNumber);

    internal static string Describe(IReadOnlyList<SlurmError> errors) =>
        errors.Count == 0 ? "no Slurm error in the response" : string.Join("; ", errors);
}

/// <summary>A failure that may pass if tried again later: slurmrestd answered 502/503/504, or 500 without Slurm errors.</summary>
public sealed class SlurmRestTransientException(string message, SlurmRestEndpoint endpoint, string request, int? httpStatus, IReadOnlyList<SlurmError> errors)
    : SlurmRestException(message, endpoint, request, httpStatus, errors)
{
    public override bool IsTransient => true;
}

/// <summary>
/// The token was refused. With <see cref="KeyProbablyChanged"/> (Slurm error 1007, HTTP 511 "Protocol authentication
/// error", guide L7098-7123) the signature or claims did not verify, most often because the cluster secret was rotated
/// (every token signed with the old key fails, guide L7074-7076): the client re-reads the current key and tries once more
/// before raising this. Without it, slurmrestd refused the request's authentication itself (HTTP 401).
/// </summary>
public sealed class SlurmRestAuthenticationException(
    string message, SlurmRestEndpoint endpoint, string request, int? httpStatus, IReadOnlyList<SlurmError> errors, bool keyProbablyChanged, bool retriedWithCurrentKey)
    : SlurmRestException(message, endpoint, request, httpStatus, errors)
{
    public bool KeyProbablyChanged { get; } = keyProbablyChanged;

    /// <summary>True when the token refused was already minted with the secret's current version (a re-read did not help).</summary>
    public bool RetriedWithCurrentKey { get; } = retriedWithCurrentKey;
}

/// <summary>
/// slurmrestd did not answer: connection refused, timed out or reset. The message names the cluster, address and port
/// and the likely causes (guide L7092-7096, L6707-6709, L7070-7072: the security group must allow TCP 6820 from the caller, which must be in the
/// cluster's VPC).
/// </summary>
public sealed class SlurmRestUnreachableException(string message, SlurmRestEndpoint endpoint, string request, SlurmUnreachableCause cause, Exception? innerException)
    : SlurmRestException(message, endpoint, request, null, [], innerException)
{
    public SlurmUnreachableCause Cause { get; } = cause;

    public override bool IsTransient => true;
}

/// <summary>Why no answer came.</summary>
public enum SlurmUnreachableCause
{
    /// <summary>The address answered with a reset: nothing listens on the port, or a firewall rejects.</summary>
    ConnectionRefused,

    /// <summary>No answer within the request timeout: typically a security group that drops the traffic, or no route.</summary>
    Timeout,

    /// <summary>Any other network failure (reset, DNS, no route).</summary>
    Network,
}

/// <summary>The server offers no API version this client speaks (older than v0.0.43, or only newer ones it does not know).</summary>
public sealed class SlurmRestVersionException(string message, SlurmRestEndpoint endpoint, string request, IReadOnlyList<string> offered)
    : SlurmRestException(message, endpoint, request, 200, [])
{
    /// <summary>The <c>v0.0.NN</c> versions the server's OpenAPI document lists, oldest first.</summary>
    public IReadOnlyList<string> Offered { get; } = offered;
}

/// <summary>The response is not what the API describes (no JSON, JSON of another shape).</summary>
public sealed class SlurmRestProtocolException(string message, SlurmRestEndpoint endpoint, string request, int? httpStatus, Exception? innerException)
    : SlurmRestException(message, endpoint, request, httpStatus, [], innerException);

/// <summary>The operation needs something the served API version does not offer (e.g. reservations).</summary>
public sealed class SlurmRestNotSupportedException(string message, SlurmRestEndpoint endpoint, string request)
    : SlurmRestException(message, endpoint, request, null, []);
