using PcsAutomation.LocalAws.Ec2;
using PcsAutomation.LocalAws.Ssm;

namespace PcsAutomation.LocalAws.Scenarios;

// The scenario file's shape (YAML, camelCase keys). Times are absolute ISO 8601 or relative to the
// scenario's start: "+30m", "+2h", "+1d", "-10m". Everything is created already in the given status
// (ACTIVE by default), so a test starts from a running account instead of waiting for creations.

/// <summary>An account to start from, plus a timeline of things that happen to it.</summary>
public sealed class ScenarioDefinition
{
    public string Name { get; set; } = "scenario";
    public List<LaunchTemplateDefinition> LaunchTemplates { get; set; } = [];
    public List<CapacityBlockDefinition> CapacityBlocks { get; set; } = [];
    public List<ClusterDefinition> Clusters { get; set; } = [];
    public List<SecretDefinition> Secrets { get; set; } = [];
    public List<InstanceDefinition> Instances { get; set; } = [];
    public List<TimelineEvent> Timeline { get; set; } = [];

    /// <summary>AMIs besides the public catalogue (see <see cref="ImageDefinition"/>).</summary>
    public List<ImageDefinition> Images { get; set; } = [];

    /// <summary>SSM parameters (see <see cref="ParameterDefinition"/>).</summary>
    public List<ParameterDefinition> Parameters { get; set; } = [];

    /// <summary>SSM agent behaviour per instance (see <see cref="SsmAgentDefinition"/>).</summary>
    public List<SsmAgentDefinition> SsmAgents { get; set; } = [];

    /// <summary>
    /// How EC2 spells the Capacity Block delivered and expiration warning events: <c>ec2-guide</c> (default: "Capacity Block
    /// Delivered") or <c>pcs-guide</c> ("Capacity Block Reservation Delivered", guide L3506-3507).
    /// </summary>
    public string? CapacityBlockEventNames { get; set; }
}

public sealed class LaunchTemplateDefinition
{
    public string Name { get; set; } = "";
    public string? Id { get; set; }
    public List<LaunchTemplateVersionDefinition> Versions { get; set; } = [];
}

public sealed class LaunchTemplateVersionDefinition
{
    public string? ImageId { get; set; }
    public string? InstanceType { get; set; }
    /// <summary>Name or id of a capacity block of this scenario (sets MarketType capacity-block).</summary>
    public string? CapacityBlock { get; set; }
    public string? Description { get; set; }
}

public sealed class CapacityBlockDefinition
{
    public string Name { get; set; } = "";
    public string? Id { get; set; }
    public string InstanceType { get; set; } = "p5.48xlarge";
    public string AvailabilityZone { get; set; } = "us-east-1a";
    public int InstanceCount { get; set; } = 1;
    public string Start { get; set; } = "+0m";
    public string End { get; set; } = "+1d";
    public string? State { get; set; }
    public Dictionary<string, string> Tags { get; set; } = [];
}

public sealed class ClusterDefinition
{
    public string Name { get; set; } = "";
    public string Status { get; set; } = "ACTIVE";
    public string SlurmVersion { get; set; } = "25.05";
    public string Size { get; set; } = "SMALL";
    public int? ScaleDownIdleTimeInSeconds { get; set; }

    /// <summary>
    /// <c>slurmConfiguration.slurmRest.mode</c>: <c>STANDARD</c> serves the Slurm REST API (Slurm 25.05 or later, guide
    /// L6705-6707; the emulator then runs a slurmrestd for the cluster on 127.0.0.1), <c>NONE</c> or absent does not.
    /// </summary>
    public string? SlurmRest { get; set; }
    public Dictionary<string, string> Tags { get; set; } = [];
    public List<NodeGroupDefinition> NodeGroups { get; set; } = [];
    public List<QueueDefinition> Queues { get; set; } = [];
}

public sealed class NodeGroupDefinition
{
    public string Name { get; set; } = "";
    public string Status { get; set; } = "ACTIVE";
    public int Min { get; set; }
    public int Max { get; set; } = 4;
    public string InstanceType { get; set; } = "c6i.xlarge";
    public string? AmiId { get; set; }
    /// <summary>Name or id of a launch template of this scenario; one is made up when absent.</summary>
    public string? LaunchTemplate { get; set; }
    public string LaunchTemplateVersion { get; set; } = "1";
    public string PurchaseOption { get; set; } = "ONDEMAND";
    /// <summary>Jobs' demand for nodes at start (dynamic groups launch that many, up to max).</summary>
    public int Demand { get; set; }
    public Dictionary<string, string> Tags { get; set; } = [];
}

public sealed class QueueDefinition
{
    public string Name { get; set; } = "";
    public string Status { get; set; } = "ACTIVE";
    /// <summary>Node group names of the same cluster.</summary>
    public List<string> NodeGroups { get; set; } = [];
}

public sealed class SecretDefinition
{
    public string Name { get; set; } = "";
    public string? Value { get; set; }
    public string? Description { get; set; }
    public Dictionary<string, string> Tags { get; set; } = [];
}

/// <summary>An instance the scenario places itself, e.g. a bring-your-own login node (guide L3894-4141).</summary>
public sealed class InstanceDefinition
{
    public string Name { get; set; } = "";
    public string InstanceType { get; set; } = "c6i.large";
    public string ImageId { get; set; } = "ami-0123456789abcdef0";
    public string State { get; set; } = "running";
    public Dictionary<string, string> Tags { get; set; } = [];
}

/// <summary>
/// Something that happens at a time: <c>setDemand</c> (count, duration), <c>setBusy</c> (duration, optional count: jobs
/// keep a group's nodes, or the first count of them, busy until at + duration), <c>setStatus</c> (status), <c>failNextUpdate</c> (message),
/// <c>extendCapacityBlock</c> (capacityBlock, end, optional paymentDelay and payment: <c>succeeded</c> or <c>failed</c>),
/// <c>suspendCluster</c>, <c>submitJobs</c> (cluster, queue, count, duration, timeLimit: one-node Slurm jobs), <c>deleteLaunchTemplate</c>
/// (launchTemplate).
/// </summary>
public sealed class TimelineEvent
{
    public string At { get; set; } = "+0m";
    public string Action { get; set; } = "";
    public string? Cluster { get; set; }
    public string? NodeGroup { get; set; }
    public string? CapacityBlock { get; set; }
    public int? Count { get; set; }
    public string? Duration { get; set; }
    public string? Status { get; set; }
    public string? Message { get; set; }
    public string? End { get; set; }
    public string? Queue { get; set; }

    /// <summary>submitJobs: Slurm's time limit of each job (whole minutes, at least the duration; default the duration).</summary>
    public string? TimeLimit { get; set; }

    /// <summary>deleteLaunchTemplate: the template's name or id.</summary>
    public string? LaunchTemplate { get; set; }

    /// <summary>extendCapacityBlock: how long the extension stays payment-pending (default: paid at once).</summary>
    public string? PaymentDelay { get; set; }

    /// <summary>extendCapacityBlock: <c>succeeded</c> (default) or <c>failed</c>.</summary>
    public string? Payment { get; set; }
}
