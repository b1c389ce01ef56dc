namespace PcsAutomation.Slurm.Connection;

/// <summary>Where a cluster's JWT signing key lives: a Secrets Manager secret and the version the cluster names.</summary>
public sealed record SlurmKeyReference(string SecretArn, string SecretVersion, SlurmKeyOrigin Origin);

/// <summary>Which of GetCluster's fields named the key.</summary>
public enum SlurmKeyOrigin
{
    /// <summary><c>slurmConfiguration.jwtAuth.jwtKey</c> (pcs.service-2.json <c>JwtAuth</c>, <c>JwtKey{secretArn, secretVersion}</c>).</summary>
    JwtAuth,

    /// <summary>
    /// <c>slurmConfiguration.authKey</c>, the cluster secret: the same resource as the JWT key (guide L2371, L2446-2450),
    /// used when the cluster reports no <c>jwtAuth</c>.
    /// </summary>
    ClusterSecret,
}
