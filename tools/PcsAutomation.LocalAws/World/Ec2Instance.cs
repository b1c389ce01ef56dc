namespace PcsAutomation.LocalAws.World;

/// <summary>
/// An EC2 instance of the emulated account: launched by PCS for a node group, or placed by a scenario
/// (bring-your-own login nodes). EC2's DescribeInstances will read these records.
/// </summary>
public sealed class Ec2Instance
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string ShuttingDown = "shutting-down";
    public const string Terminated = "terminated";

    /// <summary>
    /// EC2's StateReason codes (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_StateReason.html): shut down
    /// through the EC2 API, or from the instance's own operating system. The messages' wording is inferred (README).
    /// </summary>
    public static readonly (string Code, string Message) UserInitiatedShutdown =
        ("Client.UserInitiatedShutdown", "Client.UserInitiatedShutdown: User initiated shutdown");

    public static readonly (string Code, string Message) InstanceInitiatedShutdown =
        ("Client.InstanceInitiatedShutdown", "Client.InstanceInitiatedShutdown: Instance initiated shutdown");

    public required string InstanceId { get; init; }
    public required string InstanceType { get; init; }
    public required string ImageId { get; init; }
    public required DateTimeOffset LaunchTime { get; init; }
    public string? SubnetId { get; init; }
    public string? PrivateIpAddress { get; init; }
    public string? LaunchTemplateId { get; init; }
    public string? LaunchTemplateVersion { get; init; }
    public string? CapacityReservationId { get; init; }

    /// <summary>"spot" or "capacity-block" (EC2's <c>InstanceLifecycle</c>), null for On-Demand.</summary>
    public string? InstanceLifecycle { get; init; }

    public string State { get; internal set; } = Pending;
    public string? StateTransitionReason { get; internal set; }

    /// <summary>EC2's <c>StateReason</c> of the last transition (see <see cref="UserInitiatedShutdown"/>); null when none.</summary>
    public (string Code, string Message)? StateReason { get; internal set; }

    /// <summary>
    /// Launched from an AMI the scenario marks broken (<c>images[].broken</c>): the node never registers with PCS and
    /// shuts itself down after the registration timeout (guide L11090-11107); no job ever runs on it.
    /// </summary>
    public bool NeverRegisters { get; init; }
    public Dictionary<string, string> Tags { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Set when the instance belongs to a PCS node group (tags <c>aws:pcs:cluster-id</c>, <c>aws:pcs:compute-node-group-id</c>).</summary>
    public string? ClusterId => Tags.GetValueOrDefault(PcsTags.ClusterId);
    public string? NodeGroupId => Tags.GetValueOrDefault(PcsTags.ComputeNodeGroupId);

    /// <summary>
    /// The Slurm node this instance is, <c>&lt;group&gt;-&lt;n&gt;</c> with n from 1 to the group's max (guide L997, L3509-3511:
    /// <c>compute-1-[1-4]</c>); set by PCS at launch, null for instances outside a node group.
    /// </summary>
    public string? SlurmNodeName { get; internal set; }

    /// <summary>A job runs on the node until then (scenario-driven); the node is idle afterwards.</summary>
    public DateTimeOffset BusyUntil { get; set; } = DateTimeOffset.MinValue;

    /// <summary>Marked by a node group update for replacement once idle (guide L2667).</summary>
    public bool MarkedForReplacement { get; internal set; }

    /// <summary>Pending or running: the node counts as up (and blocks a cluster secret rotation).</summary>
    public bool IsUp => State is Pending or Running;

    /// <summary>Not yet terminated: rotation needs every node stopped (guide L2419), shutting-down still counts.</summary>
    public bool IsNotStopped => State is Pending or Running or ShuttingDown;

    public bool IsIdleAt(DateTimeOffset now) => now >= BusyUntil;

    private readonly List<InstanceStateChange> stateChanges = [];

    /// <summary>
    /// Every state the instance entered and when, on the emulator's clock, oldest first (EC2 keeps no such history; the
    /// run report draws each node group's instances over time from it). Read under the world's gate.
    /// </summary>
    public IReadOnlyList<InstanceStateChange> StateChanges => stateChanges;

    /// <summary>Moves the instance to <paramref name="state"/> at <paramref name="at"/> and records it in <see cref="StateChanges"/>.</summary>
    internal void MoveTo(string state, DateTimeOffset at)
    {
        State = state;
        stateChanges.Add(new InstanceStateChange(at, state));
    }
}

/// <summary>An instance entered <paramref name="State"/> (pending, running, shutting-down, terminated) at <paramref name="At"/>.</summary>
public sealed record InstanceStateChange(DateTimeOffset At, string State);

/// <summary>The tags PCS puts on the instances it launches (guide L2948-2951, L3534-3536).</summary>
public static class PcsTags
{
    public const string ClusterId = "aws:pcs:cluster-id";
    public const string ComputeNodeGroupId = "aws:pcs:compute-node-group-id";
}
