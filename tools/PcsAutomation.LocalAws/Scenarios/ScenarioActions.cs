using PcsAutomation.LocalAws.Pcs;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Scenarios;

/// <summary>What a timeline entry (or a test) can do to the world: the things AWS users and jobs do outside the API.</summary>
public sealed partial class ScenarioActions(AwsWorld world, PcsFleet fleet)
{
    /// <summary>The timeline actions <see cref="Run"/> knows.</summary>
    public static readonly IReadOnlyList<string> Names =
        ["setDemand", "setBusy", "setStatus", "failNextUpdate", "suspendCluster", "extendCapacityBlock", "submitJobs", "deleteLaunchTemplate"];

    public void Run(TimelineEvent entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        switch (entry.Action)
        {
            case "setDemand":
                SetDemand(Cluster(entry), Group(entry), entry.Count ?? 0, entry.Duration is null ? null : ScenarioTime.Span(entry.Duration));
                break;
            case "setBusy":
                SetBusy(Cluster(entry), Group(entry), ScenarioTime.Span(entry.Duration ?? "+1h"), entry.Count);
                break;
            case "setStatus":
                Cluster(entry).ForceStatus(entry.Status ?? PcsStatus.Active, world.Now);
                fleet.ReconcileCluster(Cluster(entry));
                break;
            case "failNextUpdate":
                if (entry.NodeGroup is null) Cluster(entry).FailNextUpdate = entry.Message ?? "Update failed.";
                else Group(entry).FailNextUpdate = entry.Message ?? "Update failed.";
                break;
            case "suspendCluster":
                SuspendCluster(Cluster(entry));
                break;
            case "extendCapacityBlock":
                ExtendCapacityBlock(entry.CapacityBlock ?? "", ScenarioTime.Resolve(entry.End ?? "+1d", world.Now),
                    entry.PaymentDelay is null ? null : ScenarioTime.Span(entry.PaymentDelay), entry.Payment == PaymentFailed);
                break;
            case "deleteLaunchTemplate":
                DeleteLaunchTemplate(entry.LaunchTemplate ?? "");
                break;
            case "submitJobs":
                SubmitJobs(Cluster(entry), Queue(entry), entry.Count ?? 1, ScenarioTime.Span(entry.Duration ?? "+1h"),
                    entry.TimeLimit is null ? null : ScenarioTime.Span(entry.TimeLimit));
                break;
            default:
                throw new InvalidOperationException($"Unknown scenario action '{entry.Action}'.");
        }
    }

    /// <summary>Jobs ask for <paramref name="count"/> nodes of the group, each busy for <paramref name="busyFor"/>.</summary>
    public void SetDemand(PcsCluster cluster, ComputeNodeGroup group, int count, TimeSpan? busyFor = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        lock (world.Gate)
        {
            group.Demand = count;
            fleet.Reconcile(cluster, group);
            if (busyFor is { } duration) SetBusy(cluster, group, duration);
        }
    }

    /// <summary>
    /// Up nodes of the group run a job until now + <paramref name="duration"/>, then are idle: all of them, or the
    /// <paramref name="count"/> launched first. A node that never registers (broken AMI) never runs a job (guide L11028-11031:
    /// Slurm allocates nodes once they have registered and joined).
    /// </summary>
    public void SetBusy(PcsCluster cluster, ComputeNodeGroup group, TimeSpan duration, int? count = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        lock (world.Gate)
        {
            var until = world.Now + duration;
            var nodes = world.InstancesOfNodeGroup(group.Id).Where(i => i.IsUp && !i.NeverRegisters)
                .OrderBy(i => i.LaunchTime).ThenBy(i => i.InstanceId, StringComparer.Ordinal);
            foreach (var instance in nodes.Take(count ?? int.MaxValue)) instance.BusyUntil = until;
            world.After(duration, $"jobs end on {group.Id}", () =>
            {
                if (cluster.NodeGroups.ContainsKey(group.Id)) fleet.Reconcile(cluster, group);
            });
        }
    }

    /// <summary>
    /// Someone deletes a launch template outside the product (EC2's DeleteLaunchTemplate, not emulated as an API): reads
    /// of it answer <c>InvalidLaunchTemplateId.NotFound</c>; groups using it keep their instances and cannot launch more
    /// (<see cref="PcsFleet.LaunchTemplateNotFound"/>).
    /// </summary>
    public void DeleteLaunchTemplate(string nameOrId)
    {
        lock (world.Gate)
        {
            var template = world.LaunchTemplates.GetValueOrDefault(nameOrId)
                           ?? world.LaunchTemplates.Values.FirstOrDefault(t => t.LaunchTemplateName == nameOrId)
                           ?? throw new InvalidOperationException($"No launch template {nameOrId}.");
            world.LaunchTemplates.Remove(template.LaunchTemplateId);
            world.DeletedLaunchTemplates.Add(template.LaunchTemplateId);
        }
    }

    /// <summary>Guide L6569-6579: PCS deletes the controller, node groups' instances; the cluster stays readable.</summary>
    public void SuspendCluster(PcsCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        lock (world.Gate)
        {
            cluster.ForceStatus(PcsStatus.Suspending, world.Now);
            fleet.ReconcileCluster(cluster);
            world.After(TimeSpan.FromMinutes(5), $"suspend {cluster.Id}", () =>
            {
                if (cluster.Status == PcsStatus.Suspending) cluster.CompleteSuspension(world.Now);
            });
        }
    }

    private PcsCluster Cluster(TimelineEvent entry) =>
        world.FindCluster(entry.Cluster ?? "") ?? throw new InvalidOperationException($"No cluster {entry.Cluster}.");

    private PcsQueue Queue(TimelineEvent entry) =>
        Cluster(entry).FindQueue(entry.Queue ?? "") ?? throw new InvalidOperationException($"No queue {entry.Queue}.");

    private ComputeNodeGroup Group(TimelineEvent entry) =>
        Cluster(entry).FindNodeGroup(entry.NodeGroup ?? "") ?? throw new InvalidOperationException($"No node group {entry.NodeGroup}.");
}
