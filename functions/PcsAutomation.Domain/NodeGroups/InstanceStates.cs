namespace PcsAutomation.Domain.NodeGroups;

/// <summary>
/// The one definition of "an instance is up" (it may still run with the cluster's key or hold a job): every EC2 state
/// but <c>stopped</c> and <c>terminated</c>. EC2's instance states are pending, running, shutting-down, terminated,
/// stopping and stopped (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_InstanceState.html). A state
/// this code does not know counts as up, so a new state can never make a cluster look drained; for the same reason
/// readers ask EC2 for every instance of the cluster and filter here, never with an allow-list of states.
/// </summary>
public static class InstanceStates
{
    private static readonly string[] Down = ["stopped", "terminated"];

    /// <summary>True unless <paramref name="state"/> is stopped or terminated (any case); unknown and empty states are up.</summary>
    public static bool IsUp(string? state) => !Down.Contains(state ?? "", StringComparer.OrdinalIgnoreCase);
}
