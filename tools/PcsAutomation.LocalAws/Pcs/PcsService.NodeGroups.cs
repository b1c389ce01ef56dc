using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Protocol;

namespace PcsAutomation.LocalAws.Pcs;

public sealed partial class PcsService
{
    private JsonObject CreateComputeNodeGroup(RequestReader reader)
    {
        var cluster = Cluster(reader);
        var name = reader.RequiredString("computeNodeGroupName");
        PcsValidation.NodeGroupName(name);
        var subnets = reader.OptionalStringList("subnetIds") ?? throw PcsErrors.Validation("1 validation error detected: Value at 'subnetIds' failed to satisfy constraint: Member must not be null");
        if (subnets.Count == 0) throw PcsErrors.Validation("subnetIds must contain at least one subnet.");
        var template = reader.RequiredObject("customLaunchTemplate");
        var templateId = template.RequiredString("id");
        var templateVersion = template.RequiredString("version"); // guide L2544: a version is mandatory
        var profile = reader.RequiredString("iamInstanceProfileArn");
        var scaling = reader.RequiredObject("scalingConfiguration");
        var (min, max) = (scaling.RequiredInt("minInstanceCount"), scaling.RequiredInt("maxInstanceCount"));
        PcsValidation.Scaling(min, max);
        var instanceTypes = (reader.OptionalObjectList("instanceConfigs") ?? throw PcsErrors.Validation("instanceConfigs must not be null"))
            .Select(c => c.OptionalString("instanceType") ?? throw PcsErrors.Validation("instanceConfigs.instanceType must not be null")).ToList();
        if (instanceTypes.Count == 0) throw PcsErrors.Validation("instanceConfigs must contain at least one instance type.");
        var purchase = reader.OptionalString("purchaseOption") ?? "ONDEMAND";
        PcsValidation.PurchaseOption(purchase);
        var amiId = reader.OptionalString("amiId");
        PcsValidation.AmiId(amiId);
        var slurm = reader.OptionalObject("slurmConfiguration");
        PcsValidation.CustomSettings(slurm, "slurmCustomSettings", PcsValidation.NodeGroupSlurmSettings);
        var tags = reader.OptionalStringMap("tags");

        if (cluster.Status != PcsStatus.Active) // guide L1938: node groups only once the cluster is ACTIVE
            throw PcsErrors.Conflict($"The cluster {cluster.Id} is {cluster.Status}; it must be ACTIVE.", "cluster", cluster.Id);
        PcsValidation.NameFree(cluster.NodeGroups.Values.Any(g => g.Name == name), "computeNodeGroup", "compute node group", name); // guide L2571
        PcsValidation.NodeGroupCount(cluster.NodeGroups.Count); // guide L10921

        var id = world.Ids.PcsId();
        var group = new ComputeNodeGroup
        {
            Id = id,
            Name = name,
            Arn = $"{cluster.Arn}/computenodegroup/{id}",
            ClusterId = cluster.Id,
            CreatedAt = world.Now,
            ModifiedAt = world.Now,
            AmiId = amiId,
            SubnetIds = [.. subnets],
            PurchaseOption = purchase,
            LaunchTemplateId = templateId,
            LaunchTemplateVersion = templateVersion,
            IamInstanceProfileArn = profile,
            MinInstanceCount = min,
            MaxInstanceCount = max,
            InstanceTypes = instanceTypes,
            SpotOptions = reader.OptionalObject("spotOptions")?.Json.DeepClone() as JsonObject,
            SlurmConfiguration = slurm?.Json.DeepClone() as JsonObject,
            NodeLifecycleActions = reader.OptionalObject("nodeLifecycleActions")?.Json.DeepClone() as JsonObject,
            Sequence = world.NextSequence(),
            Tags = tags?.ToDictionary(StringComparer.Ordinal) ?? new Dictionary<string, string>(StringComparer.Ordinal),
        };
        ValidateCapacityBlock(group, instanceTypes);
        cluster.NodeGroups[id] = group;
        world.After(world.Durations.NodeGroupCreate, $"create node group {id}", () =>
        {
            if (group.Status != PcsStatus.Creating) return;
            group.CompleteCreation(world.Now);
            Fleet.Reconcile(cluster, group);
            Fleet.WatchCapacityBlock(cluster, group);
        });
        return new JsonObject { ["computeNodeGroup"] = PcsJson.NodeGroup(group) };
    }

    private JsonObject UpdateComputeNodeGroup(RequestReader reader)
    {
        RejectImmutable(reader, "computeNodeGroupName", "instanceConfigs"); // guide L2650-2653, L2727
        var cluster = Cluster(reader);
        var group = NodeGroup(cluster, reader);
        var scaling = reader.OptionalObject("scalingConfiguration");
        (int Min, int Max)? newScaling = scaling is null ? null : (scaling.RequiredInt("minInstanceCount"), scaling.RequiredInt("maxInstanceCount"));
        if (newScaling is { } s) PcsValidation.Scaling(s.Min, s.Max);
        var amiId = reader.OptionalString("amiId");
        PcsValidation.AmiId(amiId);
        var template = reader.OptionalObject("customLaunchTemplate");
        var newTemplate = template is null ? ((string Id, string Version)?)null : (template.RequiredString("id"), template.RequiredString("version"));
        var purchase = reader.OptionalString("purchaseOption");
        PcsValidation.PurchaseOption(purchase);
        var subnets = reader.OptionalStringList("subnetIds");
        if (subnets is { Count: 0 }) throw PcsErrors.Validation("subnetIds must contain at least one subnet.");
        var profile = reader.OptionalString("iamInstanceProfileArn");
        var slurm = reader.OptionalObject("slurmConfiguration");
        PcsValidation.CustomSettings(slurm, "slurmCustomSettings", PcsValidation.NodeGroupSlurmSettings);

        // One change at a time: the cluster must not itself be changing (guide L1984-1989, L2092-2094).
        if (cluster.Status is not (PcsStatus.Active or PcsStatus.UpdateFailed))
            throw PcsErrors.Conflict($"The cluster {cluster.Id} is {cluster.Status}.", "cluster", cluster.Id);
        var probe = new ComputeNodeGroup
        {
            Id = group.Id, Name = group.Name, Arn = group.Arn, ClusterId = group.ClusterId, CreatedAt = group.CreatedAt,
            SubnetIds = group.SubnetIds, LaunchTemplateId = newTemplate?.Id ?? group.LaunchTemplateId,
            LaunchTemplateVersion = newTemplate?.Version ?? group.LaunchTemplateVersion,
            IamInstanceProfileArn = group.IamInstanceProfileArn, InstanceTypes = group.InstanceTypes,
            PurchaseOption = purchase ?? group.PurchaseOption,
            MaxInstanceCount = newScaling?.Max ?? group.MaxInstanceCount,
        };
        ValidateCapacityBlock(probe, group.InstanceTypes);
        var (imageBefore, purchaseBefore) = (Fleet.ImageOf(group), group.PurchaseOption);
        group.BeginUpdate(world.Now);

        if (newScaling is { } scale) (group.MinInstanceCount, group.MaxInstanceCount) = scale;
        if (amiId is not null) group.AmiId = amiId;
        if (newTemplate is { } t) (group.LaunchTemplateId, group.LaunchTemplateVersion) = t;
        if (purchase is not null) group.PurchaseOption = purchase;
        if (subnets is not null) group.SubnetIds = [.. subnets];
        if (profile is not null) group.IamInstanceProfileArn = profile;
        if (slurm is not null) group.SlurmConfiguration = (JsonObject)slurm.Json.DeepClone();
        if (reader.OptionalObject("spotOptions") is { } spot) group.SpotOptions = (JsonObject)spot.Json.DeepClone();
        if (reader.OptionalObject("nodeLifecycleActions") is { } actions) group.NodeLifecycleActions = (JsonObject)actions.Json.DeepClone();
        // guide L2666-2667, L5935: a new AMI (amiId, or a launch template version with another ImageId) marks the running
        // instances for replacement; L2660: updates with no impact on the nodes' configuration leave running nodes alone.
        // The image and the purchase option are the node configuration modelled here (README, "Inferred").
        var imageChanged = Fleet.ImageOf(group) != imageBefore;
        var purchaseChanged = group.PurchaseOption != purchaseBefore;
        group.ImageBeforeUpdate = imageChanged ? imageBefore : null; // guide L2659: in effect once ACTIVE
        var failure = group.FailNextUpdate;
        group.FailNextUpdate = null;
        world.After(world.Durations.NodeGroupUpdate, $"update node group {group.Id}", () =>
        {
            if (group.Status != PcsStatus.Updating) return;
            group.ErrorInfo.Clear();
            group.ImageBeforeUpdate = null;
            if (failure is not null)
            {
                group.ErrorInfo.Add(("UpdateFailed", failure));
                group.FailUpdate(world.Now);
                return;
            }
            if (imageChanged || purchaseChanged) Fleet.MarkForReplacement(group, everyInstance: purchaseChanged);
            group.CompleteUpdate(world.Now); // ACTIVE once instances are only marked (guide L2667)
            Fleet.Reconcile(cluster, group);
            Fleet.WatchCapacityBlock(cluster, group);
        });
        return new JsonObject { ["computeNodeGroup"] = PcsJson.NodeGroup(group) };
    }

    private JsonObject DeleteComputeNodeGroup(RequestReader reader)
    {
        var cluster = Cluster(reader);
        var group = NodeGroup(cluster, reader);
        var queue = cluster.Queues.Values.FirstOrDefault(q => q.ComputeNodeGroupIds.Contains(group.Id));
        if (queue is not null) // guide L2751: remove it from every queue first
            throw PcsErrors.Conflict($"The compute node group {group.Id} is used by queue {queue.Id}; remove it from the queue first.", "computeNodeGroup", group.Id);
        group.BeginDeletion(world.Now);
        Fleet.Reconcile(cluster, group); // guide L2749: all its instances are terminated
        world.After(world.Durations.NodeGroupDelete, $"delete node group {group.Id}", () =>
        {
            if (group.Status != PcsStatus.Deleting) return;
            group.CompleteDeletion(world.Now);
            cluster.NodeGroups.Remove(group.Id);
        });
        return [];
    }

    /// <summary>Guide L3437-3464: a CAPACITY_BLOCK group needs a scheduled/active block of its type, max ≤ block size.</summary>
    private void ValidateCapacityBlock(ComputeNodeGroup group, IReadOnlyList<string> instanceTypes)
    {
        if (group.PurchaseOption != "CAPACITY_BLOCK") return;
        var block = Fleet.CapacityBlockOf(group)
                    ?? throw PcsErrors.Validation("The launch template must name a Capacity Block reservation (CapacityReservationSpecification) for purchaseOption CAPACITY_BLOCK.");
        var state = block.StateAt(world.Now);
        if (state is not ("scheduled" or "active"))
            throw PcsErrors.Validation($"The Capacity Block {block.CapacityReservationId} is {state}; it must be scheduled or active.");
        if (group.MaxInstanceCount > block.InstanceCount)
            throw PcsErrors.Validation($"maxInstanceCount {group.MaxInstanceCount} exceeds the Capacity Block size {block.InstanceCount}.");
        if (instanceTypes.Any(t => t != block.InstanceType))
            throw PcsErrors.Validation($"The Capacity Block {block.CapacityReservationId} is for {block.InstanceType} instances.");
    }
}
