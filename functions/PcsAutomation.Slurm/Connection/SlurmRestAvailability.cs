using System.Globalization;

namespace PcsAutomation.Slurm.Connection;

/// <summary>
/// Whether a cluster's Slurm REST API can be used, decided from GetCluster alone (pure: no call is made). When it cannot,
/// <see cref="Reason"/> and <see cref="Explanation"/> say why, for a workflow's plan ("falls back to requeue: ...").
/// Reaching the endpoint is another matter: only a call tells (<see cref="Errors.SlurmRestUnreachableException"/>).
/// </summary>
public sealed record SlurmRestAvailability
{
    private SlurmRestAvailability(SlurmRestEndpoint? endpoint, SlurmKeyReference? key, SlurmRestUnavailableReason? reason, string explanation)
    {
        Endpoint = endpoint;
        Key = key;
        Reason = reason;
        Explanation = explanation;
    }

    public bool IsAvailable => Reason is null;

    /// <summary>The endpoint to call, when available.</summary>
    public SlurmRestEndpoint? Endpoint { get; }

    /// <summary>The secret holding the signing key, when available.</summary>
    public SlurmKeyReference? Key { get; }

    /// <summary>Why not, when not available.</summary>
    public SlurmRestUnavailableReason? Reason { get; }

    /// <summary>One sentence, naming the cluster and citing the guide; never a secret value (there is none here).</summary>
    public string Explanation { get; }

    /// <summary>The first reason, in this order: Slurm version, REST mode, endpoint, key.</summary>
    public static SlurmRestAvailability Decide(ClusterRestFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var cluster = $"cluster {facts.ClusterName} ({facts.ClusterId})";

        if (SlurmVersionBelow2505(facts.SlurmVersion))
            return No(SlurmRestUnavailableReason.SlurmTooOld,
                $"{cluster} runs Slurm {facts.SlurmVersion}; the Slurm REST API needs Slurm 25.05 or newer (guide L6707).");

        if (!string.Equals(facts.SlurmRestMode, "STANDARD", StringComparison.Ordinal))
            return No(SlurmRestUnavailableReason.RestDisabled,
                $"{cluster} has the Slurm REST API off (slurmConfiguration.slurmRest.mode is {facts.SlurmRestMode ?? "absent, so NONE"}); " +
                "UpdateCluster with slurmRest={mode=STANDARD} turns it on (guide L6769-6790).");

        var rest = facts.Endpoints.FirstOrDefault(e => string.Equals(e.Type, "SLURMRESTD", StringComparison.Ordinal));
        if (rest is null)
            return No(SlurmRestUnavailableReason.NoEndpoint,
                $"{cluster} has slurmRest mode STANDARD but no SLURMRESTD entry in endpoints[] yet (guide L6827-6846; PCS adds it once REST is on, L6792-6798).");

        if (!int.TryParse(rest.Port, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535
            || !System.Net.IPAddress.TryParse(rest.PrivateIpAddress, out _))
            return No(SlurmRestUnavailableReason.MalformedEndpoint,
                $"{cluster} reports a SLURMRESTD endpoint '{rest.PrivateIpAddress}:{rest.Port}' that is not an IP address and port.");

        var key = facts.JwtKey is { } jwt ? new SlurmKeyReference(jwt.SecretArn, jwt.SecretVersion, SlurmKeyOrigin.JwtAuth)
            : facts.AuthKey is { } auth ? new SlurmKeyReference(auth.SecretArn, auth.SecretVersion, SlurmKeyOrigin.ClusterSecret)
            : null;
        if (key is null)
            return No(SlurmRestUnavailableReason.NoKey,
                $"{cluster} reports neither slurmConfiguration.jwtAuth.jwtKey nor slurmConfiguration.authKey: no key to sign Slurm REST tokens with (guide L2446-2450).");

        var endpoint = new SlurmRestEndpoint(facts.ClusterId, facts.ClusterName, rest.PrivateIpAddress, port);
        return new SlurmRestAvailability(endpoint, key, null,
            $"{endpoint}: Slurm REST API on, tokens signed with the key of {(key.Origin == SlurmKeyOrigin.JwtAuth ? "jwtAuth.jwtKey" : "the cluster secret (authKey)")}.");
    }

    private static SlurmRestAvailability No(SlurmRestUnavailableReason reason, string explanation) => new(null, null, reason, explanation);

    /// <summary>True for a "major.minor" version below 25.05; an unreadable version is left to the REST mode to decide.</summary>
    private static bool SlurmVersionBelow2505(string version)
    {
        var parts = version.Split('.');
        if (parts.Length < 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
            return false;
        return major < 25 || (major == 25 && minor < 5);
    }
}

/// <summary>Why a cluster's Slurm REST API cannot be used.</summary>
public enum SlurmRestUnavailableReason
{
    /// <summary>Slurm older than 25.05 (guide L6707).</summary>
    SlurmTooOld,

    /// <summary><c>slurmRest.mode</c> is NONE or absent.</summary>
    RestDisabled,

    /// <summary>REST is on but GetCluster lists no SLURMRESTD endpoint (yet).</summary>
    NoEndpoint,

    /// <summary>The SLURMRESTD endpoint's address or port cannot be used.</summary>
    MalformedEndpoint,

    /// <summary>No secret to sign tokens with.</summary>
    NoKey,
}
