using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Pcs;

/// <summary>
/// What PCS does with EC2 for a node group: keeps the number of up instances at what the scaling
/// configuration, the jobs' demand and the capacity block allow, and replaces marked instances once idle.
/// </summary>
public sealed class PcsFleet(AwsWorld world)
{
    private const string DefaultImageId = "ami-0123456789abcdef0";

    /// <summary>Brings the group's instances in line with its configuration, now; schedules the next look when something is waiting.</summary>
    public void Reconcile(PcsCluster cluster, ComputeNodeGroup group)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(group);
        if (group.Status is PcsStatus.Creating or PcsStatus.CreateFailed) return;
        var now = world.Now;
        var up = world.InstancesOfNodeGroup(group.Id).Where(i => i.IsUp).OrderBy(i => i.LaunchTime).ToList();

        // guide L2667: marked instances are replaced once idle; running jobs finish first.
        foreach (var marked in up.Where(i => i.MarkedForReplacement).ToList())
        {
            if (marked.IsIdleAt(now))
            {
                Terminate(marked, "Replaced after compute node group update");
                up.Remove(marked);
            }
            else
            {
                LookAgainAt(cluster, group, marked.BusyUntil);
            }
        }

        var (target, ceiling, reason) = Desired(cluster, group, now);

        // guide L2668: above max (or when capacity must go), nodes go at once even when busy; idle ones first.
        foreach (var victim in ByEviction(up, now).Take(up.Count - ceiling).ToList())
        {
            Terminate(victim, reason);
            up.Remove(victim);
        }

        // Between the jobs' demand and max: dynamic nodes go once idle for the scale-down idle time.
        foreach (var victim in ByEviction(up, now).Where(i => i.IsIdleAt(now)).Take(up.Count - target).ToList())
        {
            if (!IdleLongEnough(cluster, group, victim, now)) continue;
            Terminate(victim, "Scaled down by PCS after idle time");
            up.Remove(victim);
        }

        for (var missing = target - up.Count; missing > 0; missing--) Launch(cluster, group);
    }

    public void ReconcileCluster(PcsCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        foreach (var group in cluster.NodeGroups.Values.ToList()) Reconcile(cluster, group);
    }

    /// <summary>After an AMI or launch template change: instances are only marked (guide L2667, L5935).</summary>
    public void MarkForReplacement(ComputeNodeGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        foreach (var instance in world.InstancesOfNodeGroup(group.Id).Where(i => i.IsUp)) instance.MarkedForReplacement = true;
    }

    public CapacityBlock? CapacityBlockOf(ComputeNodeGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (group.PurchaseOption != "CAPACITY_BLOCK") return null;
        var reservation = TemplateVersion(group)?.CapacityReservationId;
        return reservation is null ? null : world.CapacityBlocks.GetValueOrDefault(reservation);
    }

    /// <summary>Looks at a capacity-block group again at the block's start and when EC2 begins terminating.</summary>
    public void WatchCapacityBlock(PcsCluster cluster, ComputeNodeGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (CapacityBlockOf(group) is not { } block) return;
        LookAgainAt(cluster, group, block.StartDate);
        LookAgainAt(cluster, group, block.TerminationStart);
    }

    public void Terminate(Ec2Instance instance, string reason)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (!instance.IsUp) return;
        instance.State = Ec2Instance.ShuttingDown;
        instance.StateTransitionReason = $"User initiated ({reason})";
        world.After(world.Durations.InstanceShutdown, $"terminate {instance.InstanceId}", () =>
        {
            if (instance.State == Ec2Instance.ShuttingDown) instance.State = Ec2Instance.Terminated;
        });
    }

    private (int Target, int Ceiling, string Reason) Desired(PcsCluster cluster, ComputeNodeGroup group, DateTimeOffset now)
    {
        if (group.Status is PcsStatus.Deleting or PcsStatus.Deleted or PcsStatus.Suspending or PcsStatus.Suspended)
            return (0, 0, "Compute node group deleted");
        if (cluster.Status is PcsStatus.Suspending or PcsStatus.Suspended or PcsStatus.Deleting)
            return (0, 0, "Cluster suspended"); // guide L6569-6579
        if (group.PurchaseOption == "CAPACITY_BLOCK" && CapacityBlockOf(group)?.AllowsInstancesAt(now) != true)
            return (0, 0, "Capacity Block not active"); // guide L3419-3427, EC2 ends instances 30/60 min early
        var target = Math.Min(group.MaxInstanceCount, Math.Max(group.MinInstanceCount, group.Demand));
        return (target, group.MaxInstanceCount, "Scaled down to maxInstanceCount");
    }

    private static IEnumerable<Ec2Instance> ByEviction(List<Ec2Instance> up, DateTimeOffset now) =>
        up.OrderBy(i => i.IsIdleAt(now) ? 0 : 1).ThenByDescending(i => i.LaunchTime);

    /// <summary>A dynamic node above the target stays until it has been idle for the scale-down idle time.</summary>
    private bool IdleLongEnough(PcsCluster cluster, ComputeNodeGroup group, Ec2Instance instance, DateTimeOffset now)
    {
        var idleSince = instance.BusyUntil > instance.LaunchTime ? instance.BusyUntil : instance.LaunchTime;
        var seconds = group.SlurmConfiguration?["scaleDownIdleTimeInSeconds"]?.GetValue<int>()
                      ?? cluster.SlurmConfiguration["scaleDownIdleTimeInSeconds"]?.GetValue<int>();
        var idleTime = seconds is > 0 ? TimeSpan.FromSeconds(seconds.Value) : world.Durations.DefaultScaleDownIdle;
        if (now >= idleSince + idleTime) return true;
        LookAgainAt(cluster, group, idleSince + idleTime);
        return false;
    }

    private void Launch(PcsCluster cluster, ComputeNodeGroup group)
    {
        var template = TemplateVersion(group);
        var block = CapacityBlockOf(group);
        var instance = new Ec2Instance
        {
            InstanceId = world.Ids.InstanceId(),
            InstanceType = group.InstanceTypes.Count > 0 ? group.InstanceTypes[0] : "c6i.xlarge",
            ImageId = group.AmiId ?? template?.ImageId ?? DefaultImageId, // guide L2620: amiId overrides the template
            LaunchTime = world.Now,
            SubnetId = group.SubnetIds.FirstOrDefault(),
            PrivateIpAddress = world.Ids.PrivateIp(),
            LaunchTemplateId = group.LaunchTemplateId,
            LaunchTemplateVersion = group.LaunchTemplateVersion,
            CapacityReservationId = block?.CapacityReservationId,
            InstanceLifecycle = block is not null ? "capacity-block" : group.PurchaseOption == "SPOT" ? "spot" : null,
            Tags =
            {
                [PcsTags.ClusterId] = cluster.Id,
                [PcsTags.ComputeNodeGroupId] = group.Id,
                ["Name"] = $"{group.Name}",
            },
        };
        world.Instances[instance.InstanceId] = instance;
        world.After(world.Durations.InstanceBoot, $"boot {instance.InstanceId}", () =>
        {
            if (instance.State == Ec2Instance.Pending) instance.State = Ec2Instance.Running;
        });
    }

    private LaunchTemplateVersion? TemplateVersion(ComputeNodeGroup group) =>
        world.LaunchTemplates.GetValueOrDefault(group.LaunchTemplateId)?.Find(group.LaunchTemplateVersion);

    private void LookAgainAt(PcsCluster cluster, ComputeNodeGroup group, DateTimeOffset when)
    {
        if (when <= world.Now) return;
        world.After(when - world.Now, $"reconcile {group.Id}", () =>
        {
            if (cluster.NodeGroups.ContainsKey(group.Id)) Reconcile(cluster, group);
        });
    }
}
