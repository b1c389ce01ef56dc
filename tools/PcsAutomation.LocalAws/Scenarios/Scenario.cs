namespace PcsAutomation.LocalAws.Scenarios;

/// <summary>
/// Builds scenarios in tests: <c>Scenario.Cluster("demo").WithNodeGroup("compute-1", min: 0, max: 8).WithQueue("q", "compute-1")</c>.
/// <c>With*</c> methods apply to the last cluster added.
/// </summary>
public sealed class Scenario
{
    private readonly ScenarioDefinition definition = new();

    public static Scenario Cluster(string name, string status = "ACTIVE", string slurmVersion = "25.05") =>
        new Scenario().AndCluster(name, status, slurmVersion);

    public static Scenario Empty() => new();

    public Scenario AndCluster(string name, string status = "ACTIVE", string slurmVersion = "25.05")
    {
        definition.Clusters.Add(new ClusterDefinition { Name = name, Status = status, SlurmVersion = slurmVersion });
        return this;
    }

    public Scenario WithNodeGroup(string name, int min, int max, string instanceType = "c6i.xlarge", int demand = 0,
        string status = "ACTIVE", string? launchTemplate = null, string purchaseOption = "ONDEMAND")
    {
        LastCluster.NodeGroups.Add(new NodeGroupDefinition
        {
            Name = name, Min = min, Max = max, InstanceType = instanceType, Demand = demand, Status = status,
            LaunchTemplate = launchTemplate, PurchaseOption = purchaseOption,
        });
        return this;
    }

    public Scenario WithQueue(string name, params string[] nodeGroups)
    {
        LastCluster.Queues.Add(new QueueDefinition { Name = name, NodeGroups = [.. nodeGroups] });
        return this;
    }

    public Scenario WithTag(string key, string value)
    {
        LastCluster.Tags[key] = value;
        return this;
    }

    /// <summary>A tag on the last node group added (e.g. <c>pcs-automation:fallback-node-group</c>).</summary>
    public Scenario WithNodeGroupTag(string key, string value)
    {
        var group = LastCluster.NodeGroups.LastOrDefault() ?? throw new InvalidOperationException("Add a node group first: WithNodeGroup(...).");
        group.Tags[key] = value;
        return this;
    }

    /// <summary>The last cluster serves the Slurm REST API (<c>slurmRest.mode</c>, guide L6705-6707): the emulator runs its slurmrestd.</summary>
    public Scenario WithSlurmRest(string mode = "STANDARD")
    {
        LastCluster.SlurmRest = mode;
        return this;
    }

    public Scenario WithScaleDownIdleTime(int seconds)
    {
        LastCluster.ScaleDownIdleTimeInSeconds = seconds;
        return this;
    }

    public Scenario WithLaunchTemplate(string name, params LaunchTemplateVersionDefinition[] versions)
    {
        definition.LaunchTemplates.Add(new LaunchTemplateDefinition { Name = name, Versions = [.. versions] });
        return this;
    }

    /// <summary>
    /// A capacity block, times relative to the scenario start ("+1h", "+1d"); <paramref name="id"/> a fixed reservation
    /// id (<c>cr-</c> and 17 hex digits), else a drawn one.
    /// </summary>
    public Scenario WithCapacityBlock(string name, string instanceType, int count, string start, string end, string? id = null,
        string availabilityZone = "us-east-1a", IReadOnlyDictionary<string, string>? tags = null)
    {
        definition.CapacityBlocks.Add(new CapacityBlockDefinition
        {
            Name = name, InstanceType = instanceType, InstanceCount = count, Start = start, End = end, Id = id,
            AvailabilityZone = availabilityZone,
            Tags = tags is null ? [] : new Dictionary<string, string>(tags, StringComparer.Ordinal),
        });
        return this;
    }

    /// <summary>How EC2 spells the Capacity Block events: "ec2-guide" (default) or "pcs-guide".</summary>
    public Scenario WithCapacityBlockEventNames(string names)
    {
        definition.CapacityBlockEventNames = names;
        return this;
    }

    public Scenario WithSecret(string name, string value, params (string Key, string Value)[] tags)
    {
        definition.Secrets.Add(new SecretDefinition { Name = name, Value = value, Tags = tags.ToDictionary(t => t.Key, t => t.Value) });
        return this;
    }

    public Scenario WithInstance(string name, params (string Key, string Value)[] tags)
    {
        definition.Instances.Add(new InstanceDefinition { Name = name, Tags = tags.ToDictionary(t => t.Key, t => t.Value) });
        return this;
    }

    public Scenario At(string at, string action, string? cluster = null, string? nodeGroup = null, int? count = null,
        string? duration = null, string? status = null, string? message = null, string? queue = null, string? capacityBlock = null,
        string? end = null, string? paymentDelay = null, string? payment = null, string? launchTemplate = null, string? timeLimit = null)
    {
        definition.Timeline.Add(new TimelineEvent
        {
            At = at, Action = action, Cluster = cluster, NodeGroup = nodeGroup, Count = count, Duration = duration,
            Status = status, Message = message, Queue = queue, CapacityBlock = capacityBlock, End = end,
            PaymentDelay = paymentDelay, Payment = payment, LaunchTemplate = launchTemplate, TimeLimit = timeLimit,
        });
        return this;
    }

    /// <summary>
    /// An AMI of the account (owner "self"), published by AWS (owner "amazon") or by another account (its id); times
    /// relative ("-3d"); <paramref name="state"/> an EC2 image state ("pending" for one still being built); <paramref name="broken"/>:
    /// its instances never register with PCS.
    /// </summary>
    public Scenario WithImage(string name, string? description = null, string architecture = "x86_64", string owner = "self",
        string created = "-1d", string? deprecated = null, string state = "available", IReadOnlyDictionary<string, string>? tags = null, string? id = null,
        bool broken = false)
    {
        definition.Images.Add(new Ec2.ImageDefinition
        {
            Name = name, Description = description, Architecture = architecture, Owner = owner, Created = created, Deprecated = deprecated,
            State = state, Id = id, Broken = broken, Tags = tags is null ? [] : new Dictionary<string, string>(tags, StringComparer.Ordinal),
        });
        return this;
    }

    /// <summary>An SSM parameter: a value, or (with <paramref name="image"/>) the id of a scenario image.</summary>
    public Scenario WithParameter(string name, string? value = null, string type = "String", string? image = null)
    {
        definition.Parameters.Add(new Ssm.ParameterDefinition { Name = name, Value = value, Type = type, Image = image });
        return this;
    }

    /// <summary>How the SSM agent of instances named <paramref name="instance"/> (Name tag or id) answers commands.</summary>
    public Scenario WithSsmAgent(string instance, string outcome, int? exitCode = null, string? stdout = null, string? stderr = null,
        string? duration = null)
    {
        definition.SsmAgents.Add(new Ssm.SsmAgentDefinition
        {
            Instance = instance, Outcome = outcome, ExitCode = exitCode, Stdout = stdout, Stderr = stderr, Duration = duration,
        });
        return this;
    }

    public ScenarioDefinition Build() => definition;

    private ClusterDefinition LastCluster =>
        definition.Clusters.LastOrDefault() ?? throw new InvalidOperationException("Add a cluster first: Scenario.Cluster(name).");
}
