using PcsAutomation.LocalAws.Pcs;

namespace PcsAutomation.LocalAws.Scenarios;

/// <summary>What is wrong with a scenario: where (<see cref="Path"/> in the file, e.g. <c>clusters[0].slurmVersion</c>), which item, and the API's message.</summary>
public sealed record ScenarioProblem(string Path, string Item, string Message);

/// <summary>
/// A scenario's PCS resources pass the checks the emulated CreateCluster, CreateComputeNodeGroup and CreateQueue make
/// (the same <see cref="PcsValidation"/> calls, so the same messages): names, Slurm version, size, idle time, scaling,
/// purchase option, AMI id, unique names and the per-Region and per-cluster quotas; statuses from the model's enums;
/// queues naming node groups of their cluster; images and parameters (<see cref="ScenarioImages"/>); timeline entries with a known action, readable times and
/// durations and a sensible count. Checks that
/// need the account (a Capacity Block's state and size) are not made here.
/// </summary>
public static class ScenarioValidator
{
    /// <summary>The first problem, or null when the scenario is valid. Pure: reads only the definition.</summary>
    public static ScenarioProblem? FirstProblem(ScenarioDefinition scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var problems = new List<ScenarioProblem>();
        for (var i = 0; i < scenario.Clusters.Count; i++) Cluster(scenario.Clusters, i, problems);
        for (var i = 0; i < scenario.Timeline.Count; i++) Timeline(scenario, scenario.Timeline[i], $"timeline[{i}]", problems);
        ScenarioImages.Check(scenario, problems);
        if (scenario.CapacityBlockEventNames is { } names && !EventNameValues.ContainsKey(names))
            problems.Add(new ScenarioProblem("capacityBlockEventNames", "the scenario",
                $"'{names}' is not a spelling of the Capacity Block events; one of {string.Join(", ", EventNameValues.Keys)}."));
        return problems.FirstOrDefault();
    }

    private static readonly Dictionary<string, Ec2.CapacityBlockEventNames> EventNameValues = new(StringComparer.Ordinal)
    {
        ["ec2-guide"] = Ec2.CapacityBlockEventNames.Ec2Guide,
        ["pcs-guide"] = Ec2.CapacityBlockEventNames.PcsGuide,
    };

    /// <summary>The <c>capacityBlockEventNames</c> value (checked by <see cref="FirstProblem"/>).</summary>
    public static Ec2.CapacityBlockEventNames EventNames(string value) =>
        EventNameValues.TryGetValue(value, out var names)
            ? names
            : throw new InvalidOperationException($"capacityBlockEventNames '{value}': one of {string.Join(", ", EventNameValues.Keys)}.");

    private static void Cluster(List<ClusterDefinition> clusters, int index, List<ScenarioProblem> problems)
    {
        var cluster = clusters[index];
        var path = $"clusters[{index}]";
        var item = $"cluster '{cluster.Name}'";
        Check(problems, $"{path}.name", item, () => PcsValidation.ClusterName(cluster.Name));
        Check(problems, $"{path}.name", item, () => PcsValidation.NameFree(clusters.Take(index).Any(c => c.Name == cluster.Name), "cluster", "cluster", cluster.Name));
        Check(problems, path, item, () => PcsValidation.ClusterCount(index, PcsService.DefaultClusterQuota));
        Check(problems, $"{path}.status", item, () => PcsValidation.OneOf(cluster.Status, PcsValidation.ClusterStatuses, "status"));
        Check(problems, $"{path}.slurmVersion", item, () => PcsValidation.SlurmVersion(cluster.SlurmVersion));
        Check(problems, $"{path}.size", item, () => PcsValidation.Size(cluster.Size));
        Check(problems, $"{path}.scaleDownIdleTimeInSeconds", item, () => PcsValidation.ScaleDownIdleTime(cluster.ScaleDownIdleTimeInSeconds));
        Check(problems, $"{path}.slurmRest", item, () => PcsValidation.OneOf(cluster.SlurmRest, ["STANDARD", "NONE"], "slurmConfiguration.slurmRest.mode"));
        if (cluster.SlurmRest == "STANDARD" && string.CompareOrdinal(cluster.SlurmVersion, "25.05") < 0)
            problems.Add(new ScenarioProblem($"{path}.slurmRest", item,
                $"the Slurm REST API needs Slurm 25.05 or later (guide L6707); the cluster runs {cluster.SlurmVersion}."));
        for (var g = 0; g < cluster.NodeGroups.Count; g++) NodeGroup(cluster, g, $"{path}.nodeGroups[{g}]", problems);
        for (var q = 0; q < cluster.Queues.Count; q++) Queue(cluster, q, $"{path}.queues[{q}]", problems);
    }

    private static void NodeGroup(ClusterDefinition cluster, int index, string path, List<ScenarioProblem> problems)
    {
        var group = cluster.NodeGroups[index];
        var item = $"compute node group '{group.Name}' of cluster '{cluster.Name}'";
        Check(problems, $"{path}.name", item, () => PcsValidation.NodeGroupName(group.Name));
        Check(problems, $"{path}.name", item, () => PcsValidation.NameFree(cluster.NodeGroups.Take(index).Any(g => g.Name == group.Name), "computeNodeGroup", "compute node group", group.Name));
        Check(problems, path, item, () => PcsValidation.NodeGroupCount(index));
        Check(problems, $"{path}.status", item, () => PcsValidation.OneOf(group.Status, PcsValidation.NodeGroupStatuses, "status"));
        Check(problems, $"{path}.min", item, () => PcsValidation.Scaling(group.Min, group.Max));
        Check(problems, $"{path}.purchaseOption", item, () => PcsValidation.PurchaseOption(group.PurchaseOption));
        Check(problems, $"{path}.amiId", item, () => PcsValidation.AmiId(group.AmiId));
        if (string.IsNullOrWhiteSpace(group.InstanceType))
            problems.Add(new ScenarioProblem($"{path}.instanceType", item, "instanceConfigs must contain at least one instance type."));
    }

    private static void Queue(ClusterDefinition cluster, int index, string path, List<ScenarioProblem> problems)
    {
        var queue = cluster.Queues[index];
        var item = $"queue '{queue.Name}' of cluster '{cluster.Name}'";
        Check(problems, $"{path}.name", item, () => PcsValidation.QueueName(queue.Name));
        Check(problems, $"{path}.name", item, () => PcsValidation.NameFree(cluster.Queues.Take(index).Any(q => q.Name == queue.Name), "queue", "queue", queue.Name));
        Check(problems, path, item, () => PcsValidation.QueueCount(index));
        Check(problems, $"{path}.status", item, () => PcsValidation.OneOf(queue.Status, PcsValidation.QueueStatuses, "status"));
        foreach (var name in queue.NodeGroups.Where(n => cluster.NodeGroups.All(g => g.Name != n)))
            Check(problems, $"{path}.nodeGroups", item, () => throw PcsErrors.NotFound("computeNodeGroup", name));
    }

    private static void Timeline(ScenarioDefinition scenario, TimelineEvent entry, string path, List<ScenarioProblem> problems)
    {
        var item = $"timeline entry '{entry.Action}'";
        if (!ScenarioActions.Names.Contains(entry.Action))
            problems.Add(new ScenarioProblem($"{path}.action", item, $"unknown action; one of {string.Join(", ", ScenarioActions.Names)}."));
        Time(entry.At, $"{path}.at", item, problems);
        if (entry.End is { } end) Time(end, $"{path}.end", item, problems);
        if (entry.Duration is { } duration) Duration(duration, $"{path}.duration", item, problems);
        if (entry.Count is { } count && count < (entry.Action == "setBusy" ? 1 : 0))
            problems.Add(new ScenarioProblem($"{path}.count", item, entry.Action == "setBusy"
                ? $"count {count}: the number of nodes kept busy is at least 1 (leave it out for every node)."
                : $"count {count}: a number of nodes is not negative."));
        if (entry.Action == "extendCapacityBlock") Extension(entry, path, item, problems);
        if (entry.Action == "submitJobs") Submission(scenario, entry, path, item, problems);
        if (entry.Action == "deleteLaunchTemplate" && scenario.LaunchTemplates.All(t => t.Name != entry.LaunchTemplate && t.Id != entry.LaunchTemplate))
            problems.Add(new ScenarioProblem($"{path}.launchTemplate", item, $"no launch template '{entry.LaunchTemplate}' in the scenario."));
    }

    private static void Extension(TimelineEvent entry, string path, string item, List<ScenarioProblem> problems)
    {
        if (entry.PaymentDelay is { } delay) Duration(delay, $"{path}.paymentDelay", item, problems);
        if (entry.Payment is { } payment && payment is not ("succeeded" or ScenarioActions.PaymentFailed))
            problems.Add(new ScenarioProblem($"{path}.payment", item, $"'{payment}': an extension's payment is succeeded or failed."));
    }

    private static void Submission(ScenarioDefinition scenario, TimelineEvent entry, string path, string item, List<ScenarioProblem> problems)
    {
        if (entry.Queue is null || entry.Cluster is null)
            problems.Add(new ScenarioProblem(path, item, "submitJobs needs the cluster and the queue the jobs go to."));
        else if (scenario.Clusters.FirstOrDefault(c => c.Name == entry.Cluster) is { } cluster && cluster.Queues.All(q => q.Name != entry.Queue))
            problems.Add(new ScenarioProblem($"{path}.queue", item, $"cluster '{cluster.Name}' has no queue '{entry.Queue}'."));
        if (entry.Count is 0) problems.Add(new ScenarioProblem($"{path}.count", item, "count 0: submit at least one job (leave it out for one)."));
        if (entry.Duration is { } duration && TrySpan(duration) == TimeSpan.Zero)
            problems.Add(new ScenarioProblem($"{path}.duration", item, "a job runs for some time, e.g. 30m."));
        if (entry.TimeLimit is not { } text) return;
        if (TrySpan(text) is not { } limit)
            Duration(text, $"{path}.timeLimit", item, problems); // reports why it cannot be read
        else if (limit.Ticks % TimeSpan.TicksPerMinute != 0 || limit < (TrySpan(entry.Duration ?? "+1h") ?? TimeSpan.Zero))
            problems.Add(new ScenarioProblem($"{path}.timeLimit", item,
                $"'{text}': a time limit is whole minutes (Slurm's unit) and at least the job's duration ({entry.Duration ?? "1h"})."));
    }

    /// <summary>A readable duration that is not negative.</summary>
    private static void Duration(string text, string path, string item, List<ScenarioProblem> problems)
    {
        try
        {
            if (ScenarioTime.Span(text) < TimeSpan.Zero)
                problems.Add(new ScenarioProblem(path, item, $"'{text}' is negative; a duration is e.g. 30m, 2h."));
        }
        catch (FormatException e)
        {
            problems.Add(new ScenarioProblem(path, item, e.Message));
        }
    }

    private static TimeSpan? TrySpan(string text)
    {
        try
        {
            return ScenarioTime.Span(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static void Time(string text, string path, string item, List<ScenarioProblem> problems)
    {
        try
        {
            _ = ScenarioTime.Resolve(text, DateTimeOffset.UnixEpoch);
        }
        catch (FormatException e)
        {
            problems.Add(new ScenarioProblem(path, item, e.Message));
        }
    }

    private static void Check(List<ScenarioProblem> problems, string path, string item, Action check)
    {
        try
        {
            check();
        }
        catch (AwsServiceException e)
        {
            problems.Add(new ScenarioProblem(path, item, e.Message));
        }
    }
}
