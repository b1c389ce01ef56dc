using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Pcs;

public sealed partial class PcsFleet
{
    /// <summary>
    /// EC2 boots the instance (pending → running after <see cref="Durations.InstanceBoot"/>); then PCS's bootstrap registers
    /// the node (guide L11028-11029: instances register with PCS, then join Slurm). An instance from a broken AMI
    /// (<see cref="AwsWorld.BrokenImages"/>) launches fine but never registers: "bootstrap failures occur when an EC2
    /// instance launches successfully but fails while joining the cluster" (guide L10988); the agent retries, and after
    /// "Registration timeout (600 seconds) reached" it logs "Shutting down instance" (guide L11090-11107).
    /// </summary>
    private void Boot(PcsCluster cluster, ComputeNodeGroup group, Ec2Instance instance)
    {
        world.After(world.Durations.InstanceBoot, $"boot {instance.InstanceId}", () =>
        {
            if (instance.State != Ec2Instance.Pending) return;
            instance.MoveTo(Ec2Instance.Running, world.Now);
            if (instance.NeverRegisters) WatchRegistration(cluster, group, instance);
            else StartPendingJobs(cluster); // registered and joined: Slurm can allocate it (guide L11028-11031)
        });
    }

    /// <summary>
    /// The registration timeout is counted from the end of the boot, when the bootstrap starts registering (guide L11090:
    /// registration is the bootstrap's first action). The instance shuts itself down: EC2's state reason
    /// <c>Client.InstanceInitiatedShutdown</c> ("The instance was shut down from the operating system of the instance",
    /// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_StateReason.html). PCS then launches another instance for
    /// the capacity the group still needs, which fails the same way: "instances are replaced continuously" is a symptom the
    /// guide lists for nodes that do not register (L10984). No back-off between attempts is modelled (README, "Inferred").
    /// </summary>
    private void WatchRegistration(PcsCluster cluster, ComputeNodeGroup group, Ec2Instance instance)
    {
        world.After(world.Durations.RegistrationTimeout, $"registration timeout {instance.InstanceId}", () =>
        {
            if (instance.State != Ec2Instance.Running) return;
            ShutDown(instance, null, Ec2Instance.InstanceInitiatedShutdown);
            if (cluster.NodeGroups.ContainsKey(group.Id)) Reconcile(cluster, group);
        });
    }
}
