using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Pcs;
using PcsAutomation.LocalAws.SecretsManager;
using PcsAutomation.LocalAws.Ssm;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Scenarios;

/// <summary>Creates a scenario's resources directly in the world (no API calls, no CloudTrail) and schedules its timeline.</summary>
public sealed class ScenarioApplier(AwsWorld world, PcsFleet fleet)
{
    public void Apply(ScenarioDefinition scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        lock (world.Gate)
        {
            var start = world.Now;
            SsmScenario.Apply(world, scenario, start); // images, parameters, SSM agents
            if (scenario.CapacityBlockEventNames is { } names) world.CapacityBlockEvents.Names = ScenarioValidator.EventNames(names);
            foreach (var block in scenario.CapacityBlocks) AddCapacityBlock(block, start);
            foreach (var template in scenario.LaunchTemplates) AddLaunchTemplate(template);
            foreach (var cluster in scenario.Clusters) AddCluster(cluster);
            foreach (var secret in scenario.Secrets) AddSecret(secret);
            foreach (var instance in scenario.Instances) AddInstance(instance);
            foreach (var entry in scenario.Timeline) Schedule(entry, start);
        }
    }

    private void AddCapacityBlock(CapacityBlockDefinition definition, DateTimeOffset start)
    {
        var startDate = ScenarioTime.Resolve(definition.Start, start);
        var block = new CapacityBlock
        {
            CapacityReservationId = definition.Id ?? world.Ids.CapacityReservationId(),
            InstanceType = definition.InstanceType,
            AvailabilityZone = definition.AvailabilityZone,
            InstanceCount = definition.InstanceCount,
            StartDate = startDate,
            EndDate = ScenarioTime.Resolve(definition.End, start),
            // bought a day before it starts, or now for a block that starts sooner (no AWS figure: README, "Inferred")
            CreateDate = startDate.AddDays(-1) < world.Now ? startDate.AddDays(-1) : world.Now,
            ForcedState = definition.State,
            Tags = new Dictionary<string, string>(definition.Tags, StringComparer.Ordinal)
            {
                [CapacityBlock.RequestedQuantityTag] = definition.InstanceCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        world.CapacityBlocks[block.CapacityReservationId] = block;
        world.CapacityBlockEvents.Watch(block);
        blockNames[definition.Name] = block.CapacityReservationId;
    }

    private readonly Dictionary<string, string> blockNames = new(StringComparer.Ordinal);

    private void AddLaunchTemplate(LaunchTemplateDefinition definition)
    {
        var template = new LaunchTemplate
        {
            LaunchTemplateId = definition.Id ?? world.Ids.LaunchTemplateId(),
            LaunchTemplateName = definition.Name,
            CreateTime = world.Now,
        };
        foreach (var version in definition.Versions)
        {
            var reservation = version.CapacityBlock is null ? null : blockNames.GetValueOrDefault(version.CapacityBlock, version.CapacityBlock);
            template.Versions.Add(new LaunchTemplateVersion(template.Versions.Count + 1, world.Now, version.ImageId,
                version.InstanceType, reservation, reservation is null ? null : "capacity-block", version.Description));
        }
        world.LaunchTemplates[template.LaunchTemplateId] = template;
    }

    private void AddCluster(ClusterDefinition definition)
    {
        var id = world.Ids.PcsId();
        var secret = ClusterSecrets.Create(world, id);
        var slurm = new JsonObject();
        if (definition.ScaleDownIdleTimeInSeconds is { } idle) slurm["scaleDownIdleTimeInSeconds"] = idle;
        if (definition.SlurmRest is { } mode) slurm["slurmRest"] = new JsonObject { ["mode"] = mode };
        var cluster = new PcsCluster
        {
            Id = id,
            Name = definition.Name,
            Arn = $"arn:aws:pcs:{world.Region}:{world.AccountId}:cluster/{id}",
            CreatedAt = world.Now,
            ModifiedAt = world.Now,
            SchedulerVersion = definition.SlurmVersion,
            Size = definition.Size,
            Networking = new JsonObject
            {
                ["subnetIds"] = new JsonArray("subnet-0123456789abcdef0"),
                ["securityGroupIds"] = new JsonArray("sg-0123456789abcdef0"),
                ["networkType"] = "IPV4",
            },
            SlurmConfiguration = slurm,
            SecretArn = secret.Arn,
            SecretVersion = secret.VersionWithStage(Secret.Current)!.VersionId,
            ControllerIp = world.Ids.PrivateIp(),
            Sequence = world.NextSequence(),
            Tags = new Dictionary<string, string>(definition.Tags, StringComparer.Ordinal),
        };
        cluster.ForceStatus(definition.Status, world.Now);
        world.Clusters[id] = cluster;
        foreach (var group in definition.NodeGroups) AddNodeGroup(cluster, group);
        foreach (var queue in definition.Queues) AddQueue(cluster, queue);
    }

    private void AddNodeGroup(PcsCluster cluster, NodeGroupDefinition definition)
    {
        var id = world.Ids.PcsId();
        var template = definition.LaunchTemplate is null
            ? null
            : world.LaunchTemplates.Values.FirstOrDefault(t => t.LaunchTemplateName == definition.LaunchTemplate || t.LaunchTemplateId == definition.LaunchTemplate);
        var group = new ComputeNodeGroup
        {
            Id = id,
            Name = definition.Name,
            Arn = $"{cluster.Arn}/computenodegroup/{id}",
            ClusterId = cluster.Id,
            CreatedAt = world.Now,
            ModifiedAt = world.Now,
            AmiId = definition.AmiId,
            SubnetIds = ["subnet-0123456789abcdef0"],
            PurchaseOption = definition.PurchaseOption,
            LaunchTemplateId = template?.LaunchTemplateId ?? definition.LaunchTemplate ?? world.Ids.LaunchTemplateId(),
            LaunchTemplateVersion = definition.LaunchTemplateVersion,
            IamInstanceProfileArn = $"arn:aws:iam::{world.AccountId}:instance-profile/AWSPCS-{cluster.Name}-{world.Region}",
            MinInstanceCount = definition.Min,
            MaxInstanceCount = definition.Max,
            InstanceTypes = [definition.InstanceType],
            Demand = definition.Demand,
            Sequence = world.NextSequence(),
            Tags = new Dictionary<string, string>(definition.Tags, StringComparer.Ordinal),
        };
        group.ForceStatus(definition.Status, world.Now);
        cluster.NodeGroups[id] = group;
        fleet.Reconcile(cluster, group);
        fleet.WatchCapacityBlock(cluster, group);
    }

    private void AddQueue(PcsCluster cluster, QueueDefinition definition)
    {
        var id = world.Ids.PcsId();
        var queue = new PcsQueue
        {
            Id = id,
            Name = definition.Name,
            Arn = $"{cluster.Arn}/queue/{id}",
            ClusterId = cluster.Id,
            CreatedAt = world.Now,
            ModifiedAt = world.Now,
            ComputeNodeGroupIds = definition.NodeGroups
                .Select(n => cluster.FindNodeGroup(n)?.Id ?? throw new InvalidOperationException($"Queue {definition.Name}: no node group {n} in cluster {cluster.Name}."))
                .ToList(),
            Sequence = world.NextSequence(),
        };
        queue.ForceStatus(definition.Status, world.Now);
        cluster.Queues[id] = queue;
    }

    private void AddSecret(SecretDefinition definition)
    {
        var secret = new Secret
        {
            Arn = $"arn:aws:secretsmanager:{world.Region}:{world.AccountId}:secret:{definition.Name}-{world.Ids.SecretArnSuffix()}",
            Name = definition.Name,
            Description = definition.Description,
            CreatedDate = world.Now,
            LastChangedDate = world.Now,
        };
        secret.Tags.AddRange(definition.Tags.Select(t => KeyValuePair.Create(t.Key, t.Value)));
        if (definition.Value is not null)
        {
            var version = new SecretVersion { VersionId = world.Ids.Uuid(), SecretString = definition.Value, CreatedDate = world.Now };
            version.Stages.Add(Secret.Current);
            secret.Versions.Add(version);
        }
        world.Secrets[secret.Arn] = secret;
    }

    private void AddInstance(InstanceDefinition definition)
    {
        var instance = new Ec2Instance
        {
            InstanceId = world.Ids.InstanceId(),
            InstanceType = definition.InstanceType,
            ImageId = definition.ImageId,
            LaunchTime = world.Now,
            PrivateIpAddress = world.Ids.PrivateIp(),
            SubnetId = "subnet-0123456789abcdef0",
            Tags = new Dictionary<string, string>(definition.Tags, StringComparer.Ordinal) { ["Name"] = definition.Name },
        };
        instance.MoveTo(definition.State, world.Now);
        world.Instances[instance.InstanceId] = instance;
    }

    private void Schedule(TimelineEvent entry, DateTimeOffset start)
    {
        if (entry.CapacityBlock is { } name && blockNames.TryGetValue(name, out var id)) entry.CapacityBlock = id;
        var when = ScenarioTime.Resolve(entry.At, start);
        world.After(when - world.Now, $"scenario {entry.Action}", () => new ScenarioActions(world, fleet).Run(entry));
    }
}
