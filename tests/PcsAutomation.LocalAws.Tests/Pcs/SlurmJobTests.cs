using PcsAutomation.LocalAws.Pcs;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.Pcs;

/// <summary>Slurm's jobs on the emulated fleet: they drive launches, run, are requeued, and wait when no group can take them.</summary>
public class SlurmJobTests
{
    // Block from -1d to +3h (EC2 terminates at +2h30); gpu on it, the only group of queue gpu; spare (On-Demand) in no queue.
    private static TestAccount Expiring() => new(
        Scenario.Empty()
            .WithCapacityBlock("block", "p5.48xlarge", 2, "-1d", "+3h")
            .WithLaunchTemplate("gpu-lt", new LaunchTemplateVersionDefinition { InstanceType = "p5.48xlarge", CapacityBlock = "block", ImageId = "ami-0ccccccccccccccc3" })
            .AndCluster("c")
            .WithNodeGroup("gpu", 0, 2, "p5.48xlarge", launchTemplate: "gpu-lt", purchaseOption: "CAPACITY_BLOCK")
            .WithNodeGroup("spare", 0, 2, "p5.48xlarge")
            .WithQueue("gpu", "gpu"));

    [Fact] // guide L11022-11030: PCS launches instances for the jobs; slurmctld allocates them once registered
    public void SubmitJobs_DynamicGroup_LaunchesNodesRunsJobsThenScalesDown()
    {
        var account = new TestAccount(Scenario.Cluster("c").WithNodeGroup("compute", 0, 4).WithQueue("q", "compute"));

        account.Aws.Scenarios.SubmitJobs("c", "q", 3, TimeSpan.FromMinutes(30));
        Assert.Equal(3, account.UpInstances("c", "compute"));
        Assert.Equal(3, account.Aws.Slurm.Queue("c", "q").PendingJobs);

        account.Advance(TimeSpan.FromSeconds(90)); // booted: the jobs start
        var queue = account.Aws.Slurm.Queue("c", "q");
        Assert.Equal((0, 3), (queue.PendingJobs, queue.RunningJobs));
        Assert.All(account.Aws.Slurm.Jobs("c"), j => Assert.Equal("compute", j.NodeGroup));

        account.Advance(TimeSpan.FromMinutes(30));
        Assert.All(account.Aws.Slurm.Jobs("c"), j => Assert.Equal(SlurmJob.Completed, j.State));
        account.Advance(TimeSpan.FromMinutes(2)); // idle past the 60 s scale-down time (guide L6522)
        Assert.Equal(0, account.UpInstances("c", "compute"));
    }

    [Fact] // guide L3480: at expiry, running jobs are requeued; queued jobs wait until another group is attached
    public void CapacityBlockExpiry_RunningJobsRequeued_QueueHoldsThem()
    {
        var account = Expiring();
        account.Aws.Scenarios.SubmitJobs("c", "gpu", 2, TimeSpan.FromHours(8));
        account.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(2, account.Aws.Slurm.Queue("c", "gpu").RunningJobs);
        Assert.False(account.Aws.Slurm.Queue("c", "gpu").HoldsJobs);

        account.Advance(TimeSpan.FromMinutes(150)); // +2h35: EC2 terminated the block's instances at +2h30

        var queue = account.Aws.Slurm.Queue("c", "gpu");
        Assert.Equal((2, 0), (queue.PendingJobs, queue.RunningJobs));
        Assert.Equal(["gpu"], queue.NodeGroups);
        Assert.Empty(queue.NodeGroupsThatCanRun);
        Assert.True(queue.HoldsJobs);
        Assert.All(account.Aws.Slurm.Jobs("c"), j => Assert.Equal(1, j.Requeues));
        Assert.Contains(account.Aws.Slurm.Queues(), q => q.Cluster == "c" && q.Queue == "gpu" && q.HoldsJobs);
    }

    [Fact] // guide L3480: "until you attach another compute node group to the queue"
    public void UpdateQueue_FallbackAttachedAfterExpiry_HeldJobsRunThere()
    {
        var account = Expiring();
        account.Aws.Scenarios.SubmitJobs("c", "gpu", 2, TimeSpan.FromHours(8));
        account.Advance(TimeSpan.FromMinutes(155));
        var spare = account.Group("c", "spare").Id;
        var queue = account.Cluster("c").FindQueue("gpu")!.Id;

        account.Pcs("UpdateQueue", $$"""{"clusterIdentifier":"c","queueIdentifier":"{{queue}}","computeNodeGroupConfigurations":[{"computeNodeGroupId":"{{spare}}"}]}""");
        Assert.Equal(2, account.UpInstances("c", "spare")); // launched for the held jobs at once
        account.Advance(TimeSpan.FromSeconds(90));

        var state = account.Aws.Slurm.Queue("c", "gpu");
        Assert.Equal((0, 2, false), (state.PendingJobs, state.RunningJobs, state.HoldsJobs));
        Assert.All(account.Aws.Slurm.Jobs("c"), j => Assert.Equal("spare", j.NodeGroup));
    }

    [Fact] // a queue's jobs go to its first group that can run them; the rest to the next
    public void SubmitJobs_FirstGroupFull_OverflowToTheNextGroupOfTheQueue()
    {
        var account = new TestAccount(Scenario.Cluster("c").WithNodeGroup("small", 0, 1).WithNodeGroup("big", 0, 4).WithQueue("q", "small", "big"));

        account.Aws.Scenarios.SubmitJobs("c", "q", 3, TimeSpan.FromHours(1));
        account.Advance(TimeSpan.FromSeconds(90));

        Assert.Equal((1, 2), (account.UpInstances("c", "small"), account.UpInstances("c", "big")));
        Assert.Equal(3, account.Aws.Slurm.Queue("c", "q").RunningJobs);
    }

    [Fact] // guide L2668: lowering max terminates instances at once; their jobs are requeued (L3480)
    public void UpdateComputeNodeGroup_MaxToZero_RunningJobsRequeuedAndHeld()
    {
        var account = new TestAccount(Scenario.Cluster("c").WithNodeGroup("compute", 0, 2).WithQueue("q", "compute"));
        account.Aws.Scenarios.SubmitJobs("c", "q", 2, TimeSpan.FromHours(1));
        account.Advance(TimeSpan.FromMinutes(2));
        var group = account.Group("c", "compute").Id;

        account.Pcs("UpdateComputeNodeGroup", $$$"""{"clusterIdentifier":"c","computeNodeGroupIdentifier":"{{{group}}}","scalingConfiguration":{"minInstanceCount":0,"maxInstanceCount":0}}""");
        account.Advance(TimeSpan.FromMinutes(2)); // the update takes effect when the group is ACTIVE again (guide L2659)

        var queue = account.Aws.Slurm.Queue("c", "q");
        Assert.Equal((2, 0, true), (queue.PendingJobs, queue.RunningJobs, queue.HoldsJobs));
        Assert.Equal(0, account.UpInstances("c", "compute"));
    }

    [Fact] // guide L3514-3529: before the block starts, Slurm holds the group's nodes in maint reservation <group>-scheduled
    public void SlurmNodeGroup_BlockScheduled_MaintReservationUntilTheStart()
    {
        var account = new TestAccount(Scenario.Empty()
            .WithCapacityBlock("block", "p5.48xlarge", 4, "+2h", "+1d")
            .WithLaunchTemplate("gpu-lt", new LaunchTemplateVersionDefinition { InstanceType = "p5.48xlarge", CapacityBlock = "block" })
            .AndCluster("c").WithNodeGroup("node-fanout", 4, 4, "p5.48xlarge", launchTemplate: "gpu-lt", purchaseOption: "CAPACITY_BLOCK"));

        var scheduled = account.Aws.Slurm.NodeGroup("c", "node-fanout");
        account.Advance(TimeSpan.FromHours(2));
        var active = account.Aws.Slurm.NodeGroup("c", "node-fanout");

        var reservation = Assert.IsType<SlurmReservation>(scheduled.Reservation);
        Assert.Equal(("node-fanout-scheduled", "node-fanout-[1-4]", "node-fanout Scheduled"), (reservation.Name, reservation.Nodes, reservation.Comment));
        Assert.Equal(["MAINT", "SPEC_NODES"], reservation.Flags);
        Assert.Null(active.Reservation);
        Assert.Equal(4, account.UpInstances("c", "node-fanout"));
    }

    [Fact] // guide L3538-3558: a block shared with another cluster is full: ReservationCapacityExceeded on the group's nodes
    public void SharedBlockFull_ThirdGroupLaunch_ReservationCapacityExceededUntilCapacityFrees()
    {
        var account = new TestAccount(Scenario.Empty()
            .WithCapacityBlock("shared", "p5.48xlarge", 4, "-1h", "+1d")
            .WithLaunchTemplate("shared-lt", new LaunchTemplateVersionDefinition { InstanceType = "p5.48xlarge", CapacityBlock = "shared" })
            .AndCluster("one").WithNodeGroup("a", 3, 3, "p5.48xlarge", launchTemplate: "shared-lt", purchaseOption: "CAPACITY_BLOCK")
            .AndCluster("two").WithNodeGroup("b", 2, 2, "p5.48xlarge", launchTemplate: "shared-lt", purchaseOption: "CAPACITY_BLOCK"));

        var full = account.Aws.Slurm.NodeGroup("two", "b");
        Assert.Equal((3, 1), (account.UpInstances("one", "a"), account.UpInstances("two", "b")));
        Assert.Equal(PcsFleet.ReservationCapacityExceeded, full.LaunchFailure);
        Assert.Equal(account.Aws.Clock.GetUtcNow(), full.LaunchFailedAt);
        Assert.Null(account.Aws.Slurm.NodeGroup("one", "a").LaunchFailure);

        var a = account.Group("one", "a").Id;
        account.Pcs("UpdateComputeNodeGroup", $$$"""{"clusterIdentifier":"one","computeNodeGroupIdentifier":"{{{a}}}","scalingConfiguration":{"minInstanceCount":2,"maxInstanceCount":2}}""");
        account.Advance(TimeSpan.FromMinutes(3)); // the instance a gave up has terminated: b launches its second

        Assert.Equal(2, account.UpInstances("two", "b"));
        Assert.Null(account.Aws.Slurm.NodeGroup("two", "b").LaunchFailure);
    }

    [Fact]
    public void ScenarioFile_SubmitJobsToUnknownQueue_LineAndProblem()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioFile.Parse("""
            clusters:
              - name: demo
                nodeGroups:
                  - name: compute-1
                queues:
                  - name: batch
                    nodeGroups: [compute-1]
            timeline:
              - at: +0m
                action: submitJobs
                cluster: demo
                queue: nope
            """, "bad.yaml"));

        Assert.Equal("bad.yaml:12:12: timeline entry 'submitJobs': cluster 'demo' has no queue 'nope'.", error.Message);
    }
}
