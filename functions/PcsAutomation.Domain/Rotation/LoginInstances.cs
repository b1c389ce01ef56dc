namespace PcsAutomation.Domain.Rotation;

/// <summary>
/// BYO login instances are not PCS-managed, so PCS does not refresh their key after a rotation (guide L2434-2438).
/// The automation finds them by an EC2 tag whose key comes from the configuration and whose value names the cluster.
/// </summary>
public static class LoginInstances
{
    /// <summary>True when the login tag's value is the cluster's name or id (exact, case-sensitive as PCS names are).</summary>
    public static bool BelongsToCluster(string? loginTagValue, string clusterId, string clusterName) =>
        !string.IsNullOrEmpty(loginTagValue)
        && (string.Equals(loginTagValue, clusterId, StringComparison.Ordinal) || string.Equals(loginTagValue, clusterName, StringComparison.Ordinal));
}
