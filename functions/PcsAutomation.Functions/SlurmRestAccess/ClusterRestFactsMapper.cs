using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Slurm.Connection;

namespace PcsAutomation.Functions.SlurmRestAccess;

/// <summary>
/// GetCluster's <c>Cluster</c> (../shared/reference/botocore/pcs.service-2.json: <c>scheduler.version</c>,
/// <c>slurmConfiguration.slurmRest.mode</c>, <c>jwtAuth.jwtKey</c>, <c>authKey</c>, <c>endpoints[]</c>) as the facts the Slurm
/// client decides availability from (<see cref="SlurmRestAvailability.Decide"/>).
/// </summary>
public static class ClusterRestFactsMapper
{
    public static ClusterRestFacts From(Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var slurm = cluster.SlurmConfiguration;
        return new ClusterRestFacts
        {
            ClusterId = cluster.Id,
            ClusterName = cluster.Name,
            SlurmVersion = cluster.Scheduler.Version,
            SlurmRestMode = slurm?.SlurmRest?.Mode?.Value,
            Endpoints = [.. (cluster.Endpoints ?? []).Select(e => new ClusterEndpoint(e.Type.Value, e.PrivateIpAddress, e.Port))],
            JwtKey = slurm?.JwtAuth?.JwtKey is { } jwt ? new SecretVersionRef(jwt.SecretArn, jwt.SecretVersion) : null,
            AuthKey = slurm?.AuthKey is { } auth ? new SecretVersionRef(auth.SecretArn, auth.SecretVersion) : null,
        };
    }
}
