using System.Globalization;
using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Protocol;
using PcsAutomation.LocalAws.SecretsManager;

namespace PcsAutomation.LocalAws.Pcs;

public sealed partial class PcsService
{
    private JsonObject CreateCluster(RequestReader reader)
    {
        var name = reader.RequiredString("clusterName");
        PcsValidation.ClusterName(name);
        var scheduler = reader.RequiredObject("scheduler");
        PcsValidation.OneOf(scheduler.RequiredString("type"), ["SLURM"], "scheduler.type");
        var version = scheduler.RequiredString("version");
        PcsValidation.SlurmVersion(version); // guide L1900
        var size = reader.RequiredString("size");
        PcsValidation.Size(size);
        var networking = reader.RequiredObject("networking");
        if ((networking.OptionalStringList("subnetIds") ?? []).Count == 0)
            throw PcsErrors.Validation("1 validation error detected: Value at 'networking.subnetIds' failed to satisfy constraint: Member must have length greater than or equal to 1");
        networking.OptionalStringList("securityGroupIds");
        PcsValidation.OneOf(networking.OptionalString("networkType"), ["IPV4", "IPV6"], "networking.networkType");
        var slurm = reader.OptionalObject("slurmConfiguration");
        ValidateClusterSlurm(slurm);
        var tags = reader.OptionalStringMap("tags");

        PcsValidation.NameFree(world.Clusters.Values.Any(c => c.Name == name), "cluster", "cluster", name); // guide L1869: unique per Region
        PcsValidation.ClusterCount(world.Clusters.Count, ClusterQuota); // guide L10901
        if (world.Clusters.Values.Any(c => c.Status == PcsStatus.Creating))
            throw PcsErrors.Quota("Only one cluster can be in the CREATING state at a time.", "cluster", "L-concurrent-cluster-creation"); // guide L1887, L10918

        var id = world.Ids.PcsId();
        var secret = ClusterSecrets.Create(world, id);
        var slurmJson = slurm is null ? new JsonObject() : (JsonObject)slurm.Json.DeepClone();
        if (slurmJson["accounting"] is JsonObject accounting && accounting["defaultPurgeTimeInDays"] is null)
            accounting["defaultPurgeTimeInDays"] = -1; // guide L6638: -1 (keep forever) through the API
        var cluster = new PcsCluster
        {
            Id = id,
            Name = name,
            Arn = $"arn:aws:pcs:{world.Region}:{world.AccountId}:cluster/{id}",
            CreatedAt = world.Now,
            ModifiedAt = world.Now,
            SchedulerVersion = version,
            Size = size,
            Networking = NetworkingJson(networking),
            SlurmConfiguration = slurmJson,
            SecretArn = secret.Arn,
            SecretVersion = secret.VersionWithStage(Secret.Current)!.VersionId,
            ControllerIp = world.Ids.PrivateIp(),
            Sequence = world.NextSequence(),
            Tags = tags?.ToDictionary(StringComparer.Ordinal) ?? new Dictionary<string, string>(StringComparer.Ordinal),
        };
        world.Clusters[id] = cluster;
        var failure = FailNextClusterCreation;
        FailNextClusterCreation = null;
        world.After(world.Durations.ClusterCreate, $"create cluster {id}", () =>
        {
            if (cluster.Status != PcsStatus.Creating) return;
            if (failure is null)
            {
                cluster.CompleteCreation(world.Now);
                return;
            }
            cluster.ErrorInfo.Add(("CreateFailed", failure));
            cluster.FailCreation(world.Now);
        });
        return new JsonObject { ["cluster"] = PcsJson.Cluster(cluster) };
    }

    private JsonObject UpdateCluster(RequestReader reader)
    {
        RejectImmutable(reader, "clusterName", "size", "networking"); // guide L1970-1980
        var cluster = Cluster(reader);
        var slurm = reader.OptionalObject("slurmConfiguration");
        ValidateClusterSlurm(slurm);
        var newVersion = reader.OptionalObject("scheduler")?.RequiredString("version");
        if (newVersion is not null)
        {
            // The 2026 model accepts scheduler.version: an in-place upgrade to a newer supported version only (design.md).
            PcsValidation.SlurmVersion(newVersion);
            if (string.CompareOrdinal(newVersion, cluster.SchedulerVersion) <= 0)
                throw PcsErrors.Validation($"The Slurm version can only be upgraded: {cluster.SchedulerVersion} to {newVersion} is not an upgrade.");
        }

        // guide L1984-1989: the cluster and all its queues and node groups must be ACTIVE; no queued updates.
        var notActive = cluster.NodeGroups.Values.Cast<PcsResource>().Concat(cluster.Queues.Values)
            .FirstOrDefault(r => r.Status != PcsStatus.Active);
        if (notActive is not null)
            throw PcsErrors.Conflict(
                $"The cluster {cluster.Id} can't be updated while its {notActive.ResourceType} {notActive.Id} is {notActive.Status}.",
                notActive.ResourceType, notActive.Id);
        cluster.BeginUpdate(world.Now);

        if (slurm is not null) MergeSlurm(cluster.SlurmConfiguration, slurm.Json);
        if (newVersion is not null) cluster.SchedulerVersion = newVersion;
        var failure = cluster.FailNextUpdate;
        cluster.FailNextUpdate = null;
        world.After(world.Durations.ClusterUpdate, $"update cluster {cluster.Id}", () =>
        {
            if (cluster.Status != PcsStatus.Updating) return;
            if (failure is null)
            {
                cluster.ErrorInfo.Clear();
                cluster.CompleteUpdate(world.Now);
                return;
            }
            cluster.ErrorInfo.Clear();
            cluster.ErrorInfo.Add(("UpdateFailed", failure));
            cluster.FailUpdate(world.Now);
        });
        return new JsonObject { ["cluster"] = PcsJson.Cluster(cluster) };
    }

    private JsonObject DeleteCluster(RequestReader reader)
    {
        var cluster = Cluster(reader);
        // guide L2164-2165: every queue, then every node group, must be deleted first.
        if (cluster.Queues.Count > 0)
            throw PcsErrors.Conflict($"The cluster {cluster.Id} still has queues; delete them first.", "cluster", cluster.Id);
        if (cluster.NodeGroups.Count > 0)
            throw PcsErrors.Conflict($"The cluster {cluster.Id} still has compute node groups; delete them first.", "cluster", cluster.Id);
        cluster.BeginDeletion(world.Now);
        world.After(world.Durations.ClusterDelete, $"delete cluster {cluster.Id}", () =>
        {
            if (cluster.Status != PcsStatus.Deleting) return;
            world.Clusters.Remove(cluster.Id);
            world.Secrets.Remove(cluster.SecretArn);
        });
        return [];
    }

    private static void ValidateClusterSlurm(RequestReader? slurm)
    {
        if (slurm is null) return;
        PcsValidation.ScaleDownIdleTime(slurm.OptionalInt("scaleDownIdleTimeInSeconds"));
        PcsValidation.CustomSettings(slurm, "slurmCustomSettings", PcsValidation.ClusterSlurmSettings);
        PcsValidation.CustomSettings(slurm, "cgroupCustomSettings", PcsValidation.CgroupSettings);
        PcsValidation.CustomSettings(slurm, "slurmdbdCustomSettings", PcsValidation.SlurmdbdSettings);
        if (slurm.OptionalObject("accounting") is { } accounting)
        {
            PcsValidation.OneOf(accounting.OptionalString("mode"), ["STANDARD", "NONE"], "slurmConfiguration.accounting.mode");
            var purge = accounting.OptionalInt("defaultPurgeTimeInDays");
            if (purge is 0 or < -1 or > 10_000) // guide L6650: 0 is invalid
                throw PcsErrors.Validation("slurmConfiguration.accounting.defaultPurgeTimeInDays must be -1 or between 1 and 10000.");
        }
        if (slurm.OptionalObject("slurmRest") is { } rest)
            PcsValidation.OneOf(rest.OptionalString("mode"), ["STANDARD", "NONE"], "slurmConfiguration.slurmRest.mode");
    }

    /// <summary>Members present in the request replace the cluster's; absent members stay as they are.</summary>
    private static void MergeSlurm(JsonObject target, JsonObject changes)
    {
        foreach (var (key, value) in changes)
        {
            if (value is JsonObject inner && target[key] is JsonObject existing)
                foreach (var (k, v) in inner) existing[k] = v?.DeepClone();
            else
                target[key] = value?.DeepClone();
        }
    }

    private static JsonObject NetworkingJson(RequestReader networking)
    {
        var json = new JsonObject { ["subnetIds"] = PcsJson.Strings(networking.OptionalStringList("subnetIds") ?? []) };
        json["securityGroupIds"] = PcsJson.Strings(networking.OptionalStringList("securityGroupIds") ?? []);
        json["networkType"] = networking.OptionalString("networkType") ?? "IPV4";
        return json;
    }

    /// <summary>Names, size, networking and instance types cannot change after creation (guide L1970-1980, L2650-2653).</summary>
    private static void RejectImmutable(RequestReader reader, params string[] members)
    {
        foreach (var member in members.Where(reader.Has))
            throw PcsErrors.Validation(
                string.Create(CultureInfo.InvariantCulture, $"{member} can't be changed after creation; create a new resource instead."), "other");
    }
}
