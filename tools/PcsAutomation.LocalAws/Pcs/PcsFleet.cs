using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Pcs;

/// <summary>
/// What PCS does with EC2 for a node group: keeps the number of up instances at what the scaling
/// configuration, the jobs' demand and the capacity block allow, and replaces marked instances once idle.
/// How an instance boots and registers (or never does, on a broken AMI) is in <c>PcsFleet.Registration.cs</c>, Capacity
/// Blocks in <c>PcsFleet.CapacityBlocks.cs</c>, Slurm's jobs in <c>PcsFleet.Jobs.cs</c>.
/// </summary>
public sealed partial class PcsFleet(AwsWorld world)
{
    private const string DefaultImageId = "ami-0123456789abcdef0";
    private const string CapacityBlockEnded = "Capacity Block not active";

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

        // EC2, not PCS: a Capacity Block's instances end at its termination time, whatever the group's template says now
        // (it may point at a successor block already).
        foreach (var ended in up.Where(i => InEndedBlock(i, now)).ToList())
        {
            Terminate(ended, CapacityBlockEnded);
            up.Remove(ended);
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

        for (var missing = Launchable(group, target - up.Count, now); missing > 0; missing--) Launch(cluster, group);
    }

    public void ReconcileCluster(PcsCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        foreach (var group in cluster.NodeGroups.Values.ToList()) Reconcile(cluster, group);
    }

    /// <summary>
    /// After an update that changes what the nodes run, instances are only marked; <see cref="Reconcile"/> replaces each
    /// once idle (guide L2667; L5935: existing instances keep the old AMI until PCS replaces them). An image change marks
    /// the up instances that do not run the group's image now (pending ones launched during the update included);
    /// <paramref name="everyInstance"/> (a purchase option change) marks them all.
    /// </summary>
    public void MarkForReplacement(ComputeNodeGroup group, bool everyInstance = false)
    {
        ArgumentNullException.ThrowIfNull(group);
        var image = ImageOf(group);
        foreach (var instance in world.InstancesOfNodeGroup(group.Id).Where(i => i.IsUp && (everyInstance || i.ImageId != image)))
            instance.MarkedForReplacement = true;
    }

    /// <summary>
    /// The AMI the group's configuration launches: its <c>amiId</c>, else its launch template version's <c>ImageId</c>
    /// (guide L3029: an AMI id given to the node group overrides the launch template's).
    /// </summary>
    public string ImageOf(ComputeNodeGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.AmiId ?? TemplateVersion(group)?.ImageId ?? DefaultImageId;
    }

    /// <summary>
    /// PCS terminates the instance through the EC2 API: EC2's state reason <c>Client.UserInitiatedShutdown</c> ("The
    /// instance was shut down using the Amazon EC2 API", https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_StateReason.html);
    /// none when EC2 itself ends a Capacity Block's instances (no code for that on the page).
    /// </summary>
    public void Terminate(Ec2Instance instance, string reason)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(reason);
        if (!instance.IsUp) return;
        (string Code, string Message)? stateReason = reason == CapacityBlockEnded ? null : Ec2Instance.UserInitiatedShutdown;
        ShutDown(instance, $"User initiated ({reason})", stateReason);
    }

    private void ShutDown(Ec2Instance instance, string? transitionReason, (string Code, string Message)? stateReason)
    {
        instance.MoveTo(Ec2Instance.ShuttingDown, world.Now);
        instance.StateTransitionReason = transitionReason;
        instance.StateReason = stateReason;
        RequeueJobOf(instance); // guide L3480: active jobs are requeued by default
        world.After(world.Durations.InstanceShutdown, $"terminate {instance.InstanceId}", () =>
        {
            if (instance.State != Ec2Instance.ShuttingDown) return;
            instance.MoveTo(Ec2Instance.Terminated, world.Now);
            if (instance.CapacityReservationId is { } reservation) RetryLaunchesInto(reservation);
        });
    }

    private (int Target, int Ceiling, string Reason) Desired(PcsCluster cluster, ComputeNodeGroup group, DateTimeOffset now)
    {
        if (group.Status is PcsStatus.Deleting or PcsStatus.Deleted or PcsStatus.Suspending or PcsStatus.Suspended)
            return (0, 0, "Compute node group deleted");
        if (cluster.Status is PcsStatus.Suspending or PcsStatus.Suspended or PcsStatus.Deleting)
            return (0, 0, "Cluster suspended"); // guide L6569-6579
        if (group.PurchaseOption == "CAPACITY_BLOCK" && !TemplateDeleted(group) && CapacityBlockOf(group)?.AllowsInstancesAt(now) != true)
            return (0, 0, CapacityBlockEnded); // guide L3419-3427, EC2 ends instances 30/60 min early
        // The scenario's demand (setDemand) and the nodes Slurm's jobs want from this group (PcsFleet.Jobs.cs).
        var target = Math.Min(group.MaxInstanceCount, Math.Max(group.MinInstanceCount, group.Demand + JobDemand(cluster, group, now)));
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
        var block = CapacityBlockOf(group);
        // guide L2659: an update takes effect when the group goes from UPDATING to ACTIVE; until then, the old image.
        var imageId = group.ImageBeforeUpdate ?? ImageOf(group);
        var instance = new Ec2Instance
        {
            InstanceId = world.Ids.InstanceId(),
            InstanceType = group.InstanceTypes.Count > 0 ? group.InstanceTypes[0] : "c6i.xlarge",
            ImageId = imageId, // guide L2620, L3029: amiId overrides the template
            NeverRegisters = world.BrokenImages.Contains(imageId),
            LaunchTime = world.Now,
            SubnetId = group.SubnetIds.FirstOrDefault(),
            PrivateIpAddress = world.Ids.PrivateIp(),
            LaunchTemplateId = group.LaunchTemplateId,
            LaunchTemplateVersion = group.LaunchTemplateVersion,
            CapacityReservationId = block?.CapacityReservationId, // EC2 ends it with this block (InEndedBlock)
            InstanceLifecycle = block is not null ? "capacity-block" : group.PurchaseOption == "SPOT" ? "spot" : null,
            Tags =
            {
                [PcsTags.ClusterId] = cluster.Id,
                [PcsTags.ComputeNodeGroupId] = group.Id,
                ["Name"] = $"{group.Name}",
            },
        };
        instance.SlurmNodeName = NodeNameForLaunch(cluster, group);
        instance.MoveTo(Ec2Instance.Pending, world.Now);
        world.Instances[instance.InstanceId] = instance;
        if (block is not null) LookOnceAt(cluster, group, block.TerminationStart);
        Boot(cluster, group, instance);
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
