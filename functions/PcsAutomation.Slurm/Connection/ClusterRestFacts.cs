namespace PcsAutomation.Slurm.Connection;

/// <summary>
/// What GetCluster says about a cluster's REST API, as plain values (this project knows no AWS types; the caller maps
/// <c>Cluster</c> from ../shared/reference/botocore/pcs.service-2.json onto it).
/// </summary>
public sealed record ClusterRestFacts
{
    public required string ClusterId { get; init; }

    public required string ClusterName { get; init; }

    /// <summary><c>scheduler.version</c>, e.g. "25.05".</summary>
    public required string SlurmVersion { get; init; }

    /// <summary><c>slurmConfiguration.slurmRest.mode</c>: STANDARD or NONE; null when absent (NONE is the default, pcs.service-2.json).</summary>
    public string? SlurmRestMode { get; init; }

    /// <summary>Every <c>endpoints[]</c> entry.</summary>
    public IReadOnlyList<ClusterEndpoint> Endpoints { get; init; } = [];

    /// <summary><c>slurmConfiguration.jwtAuth.jwtKey</c>, when the cluster reports one.</summary>
    public SecretVersionRef? JwtKey { get; init; }

    /// <summary><c>slurmConfiguration.authKey</c>, the cluster secret.</summary>
    public SecretVersionRef? AuthKey { get; init; }
}

/// <summary>One <c>endpoints[]</c> entry: <c>type</c> (SLURMCTLD, SLURMDBD, SLURMRESTD), <c>privateIpAddress</c>, <c>port</c> (a string in the model).</summary>
public sealed record ClusterEndpoint(string Type, string PrivateIpAddress, string Port);

/// <summary>A <c>{secretArn, secretVersion}</c> pair of the model (<c>JwtKey</c>, <c>SlurmAuthKey</c>).</summary>
public sealed record SecretVersionRef(string SecretArn, string SecretVersion);
