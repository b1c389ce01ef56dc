using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Protocol;

namespace PcsAutomation.LocalAws.Pcs;

public sealed partial class PcsService
{
    private JsonObject CreateQueue(RequestReader reader)
    {
        var cluster = Cluster(reader);
        var name = reader.RequiredString("queueName");
        PcsValidation.QueueName(name);
        var slurm = reader.OptionalObject("slurmConfiguration");
        PcsValidation.CustomSettings(slurm, "slurmCustomSettings", PcsValidation.QueueSlurmSettings);
        var groupIds = GroupIds(cluster, reader);
        var tags = reader.OptionalStringMap("tags");

        if (cluster.Status != PcsStatus.Active) // guide L1938
            throw PcsErrors.Conflict($"The cluster {cluster.Id} is {cluster.Status}; it must be ACTIVE.", "cluster", cluster.Id);
        PcsValidation.NameFree(cluster.Queues.Values.Any(q => q.Name == name), "queue", "queue", name); // guide L3677
        PcsValidation.QueueCount(cluster.Queues.Count); // guide L10922

        var id = world.Ids.PcsId();
        var queue = new PcsQueue
        {
            Id = id,
            Name = name,
            Arn = $"{cluster.Arn}/queue/{id}",
            ClusterId = cluster.Id,
            CreatedAt = world.Now,
            ModifiedAt = world.Now,
            ComputeNodeGroupIds = groupIds,
            SlurmConfiguration = slurm?.Json.DeepClone() as JsonObject,
            Sequence = world.NextSequence(),
            Tags = tags?.ToDictionary(StringComparer.Ordinal) ?? new Dictionary<string, string>(StringComparer.Ordinal),
        };
        cluster.Queues[id] = queue;
        world.After(world.Durations.QueueCreate, $"create queue {id}", () =>
        {
            if (queue.Status == PcsStatus.Creating) queue.CompleteCreation(world.Now);
        });
        return new JsonObject { ["queue"] = PcsJson.Queue(queue) };
    }

    private JsonObject UpdateQueue(RequestReader reader)
    {
        RejectImmutable(reader, "queueName");
        var cluster = Cluster(reader);
        var queue = Queue(cluster, reader);
        var slurm = reader.OptionalObject("slurmConfiguration");
        PcsValidation.CustomSettings(slurm, "slurmCustomSettings", PcsValidation.QueueSlurmSettings);
        var groupIds = reader.Has("computeNodeGroupConfigurations") ? GroupIds(cluster, reader) : null;
        if (cluster.Status is not (PcsStatus.Active or PcsStatus.UpdateFailed))
            throw PcsErrors.Conflict($"The cluster {cluster.Id} is {cluster.Status}.", "cluster", cluster.Id);
        queue.BeginUpdate(world.Now);
        if (groupIds is not null) queue.ComputeNodeGroupIds = groupIds; // guide L3758-3781: the full new set
        if (slurm is not null) queue.SlurmConfiguration = (JsonObject)slurm.Json.DeepClone();
        // Running jobs are untouched (guide L3725); pending ones can now go to the groups the queue has.
        if (groupIds is not null) Fleet.ScheduleJobs(cluster);
        world.After(world.Durations.QueueUpdate, $"update queue {queue.Id}", () =>
        {
            if (queue.Status == PcsStatus.Updating) queue.CompleteUpdate(world.Now);
        });
        return new JsonObject { ["queue"] = PcsJson.Queue(queue) };
    }

    private JsonObject DeleteQueue(RequestReader reader)
    {
        var cluster = Cluster(reader);
        var queue = Queue(cluster, reader);
        queue.BeginDeletion(world.Now);
        world.After(world.Durations.QueueDelete, $"delete queue {queue.Id}", () =>
        {
            if (queue.Status == PcsStatus.Deleting) cluster.Queues.Remove(queue.Id);
        });
        return [];
    }

    /// <summary>Associations take node group IDs, not names (guide L3683), of ACTIVE groups (guide L2632).</summary>
    private static List<string> GroupIds(PcsCluster cluster, RequestReader reader)
    {
        var ids = new List<string>();
        foreach (var configuration in reader.OptionalObjectList("computeNodeGroupConfigurations") ?? [])
        {
            var id = configuration.OptionalString("computeNodeGroupId")
                     ?? throw PcsErrors.Validation("computeNodeGroupConfigurations.computeNodeGroupId must not be null");
            var group = cluster.NodeGroups.GetValueOrDefault(id);
            if (group is null && cluster.NodeGroups.Values.Any(g => g.Name == id))
                throw PcsErrors.Validation($"computeNodeGroupId must be a compute node group ID, not the name {id}.");
            if (group is null) throw PcsErrors.NotFound("computeNodeGroup", id);
            if (group.Status != PcsStatus.Active)
                throw PcsErrors.Conflict($"The compute node group {id} is {group.Status}; it must be ACTIVE to be associated with a queue.", "computeNodeGroup", id);
            if (!ids.Contains(id)) ids.Add(id);
        }
        return ids;
    }
}
