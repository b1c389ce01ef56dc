namespace PcsAutomation.Domain.NodeGroupUpdate;

/// <summary>
/// One EC2 instance as DescribeInstances answers it, with the fields the roll-out's checks read.
/// <see cref="NodeGroupTag"/> is the value of its <c>aws:pcs:compute-node-group-id</c> tag: the group's id, not its name
/// (guide L2948, L2964). <see cref="StateReasonCode"/> is EC2's <c>StateReason.Code</c>, e.g.
/// <c>Client.InstanceInitiatedShutdown</c> (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_StateReason.html).
/// </summary>
public sealed record NodeInstance(string InstanceId, string State, string? ImageId, DateTimeOffset? LaunchTime, string? NodeGroupTag, string? StateReasonCode = null)
{
    /// <summary>The tag PCS puts on every instance of a compute node group (guide L2951, L3532-3536).</summary>
    public const string NodeGroupTagKey = "aws:pcs:compute-node-group-id";

    public const string Running = "running";

    public const string Pending = "pending";

    public bool IsRunning => string.Equals(State, Running, StringComparison.Ordinal);

    /// <summary>Launched, not running yet (EC2 InstanceState <c>pending</c>).</summary>
    public bool IsPending => string.Equals(State, Pending, StringComparison.Ordinal);

    /// <summary>shutting-down, terminated, stopping or stopped (EC2 InstanceState).</summary>
    public bool HasEnded => State is "shutting-down" or "terminated" or "stopping" or "stopped";
}
