namespace PcsAutomation.Domain.Rotation;

/// <summary>
/// Which cluster statuses allow a secret rotation. The guide allows ACTIVE and UPDATE_FAILED only
/// (guide L2388, L2413; digest §3.2, §14) and lists CREATE_FAILED, DELETE_FAILED, RESUMING, SUSPENDING and
/// SUSPENDED as causes of failure (guide L2483). Anything else, including a status this code does not know,
/// is refused: an unknown value must never be treated as ACTIVE (digest §2.1).
/// </summary>
public static class ClusterStatusPolicy
{
    private const string Allowed = "rotation needs the cluster ACTIVE or UPDATE_FAILED (guide L2388)";

    private static readonly Dictionary<string, string> KnownRefusals = new(StringComparer.Ordinal)
    {
        ["CREATING"] = "is still being created",
        ["CREATE_FAILED"] = "failed to create; the guide lists CREATE_FAILED as a cause of rotation failure (guide L2483)",
        ["UPDATING"] = "is being updated; PCS allows one update at a time and the node groups cannot be scaled meanwhile (guide L1984-1989)",
        ["DELETING"] = "is being deleted",
        ["DELETE_FAILED"] = "failed to delete; the guide lists DELETE_FAILED as a cause of rotation failure (guide L2483)",
        ["SUSPENDING"] = "is being suspended (guide L2483)",
        ["SUSPENDED"] = "is suspended and cannot be restarted (guide L2483, L6569-6579)",
        ["RESUMING"] = "is resuming (guide L2483)",
    };

    /// <summary>Null when the status allows rotation; otherwise why not, naming the status.</summary>
    public static string? RotationRefusal(string clusterStatus)
    {
        if (clusterStatus is "ACTIVE" or "UPDATE_FAILED")
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(clusterStatus))
        {
            return $"Cluster status is empty; {Allowed}";
        }

        return KnownRefusals.TryGetValue(clusterStatus, out var why)
            ? $"Cluster status {clusterStatus}: the cluster {why}; {Allowed}"
            : $"Cluster status {clusterStatus} is not known to the automation; {Allowed}";
    }
}
