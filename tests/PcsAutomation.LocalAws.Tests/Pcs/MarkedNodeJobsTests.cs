using PcsAutomation.LocalAws.Pcs;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.Pcs;

/// <summary>
/// Slurm's jobs on nodes PCS marked for replacement after an image change (guide L2667: replaced once idle): Slurm keeps
/// starting jobs there unless the node is drained (README, "Marked instances and new jobs").
/// </summary>
public class MarkedNodeJobsTests
{
    private const string NewImage = "ami-0bbbbbbbbbbbbbbb2";

    /// <summary>
    /// compute (2 static nodes) in queue q; jobs of 30 min (<paramref name="secondEndsLater"/>: the second 35), then 2
    /// more of 30: 2 run, 2 wait; then the image changes.
    /// </summary>
    private static TestAccount BusyAndMarked(bool secondEndsLater = false)
    {
        var account = new TestAccount(Scenario.Cluster("c").WithNodeGroup("compute", 2, 2).WithQueue("q", "compute"));
        account.Advance(TimeSpan.FromMinutes(5));
        account.Aws.Scenarios.SubmitJobs("c", "q", 1, TimeSpan.FromMinutes(30));
        account.Aws.Scenarios.SubmitJobs("c", "q", 1, TimeSpan.FromMinutes(secondEndsLater ? 35 : 30));
        account.Aws.Scenarios.SubmitJobs("c", "q", 2, TimeSpan.FromMinutes(30));
        Assert.Equal(2, account.Aws.Slurm.Queue("c", "q").RunningJobs);
        account.Pcs("UpdateComputeNodeGroup", $$"""{"clusterIdentifier":"c","computeNodeGroupIdentifier":"compute","amiId":"{{NewImage}}"}""");
        return account;
    }

    private static List<string> Images(TestAccount account) =>
        [.. account.Aws.State.InstancesOfNodeGroup(account.Group("c", "compute").Id).Where(i => i.IsUp).Select(i => i.ImageId)];

    [Fact] // without a drain the queue's next jobs take the marked nodes, which are replaced only after them
    public void MarkedNodes_QueueHasWork_TakeTheNextJobsAndAreReplacedAfterThem()
    {
        var account = BusyAndMarked(secondEndsLater: true);

        account.Advance(TimeSpan.FromMinutes(40)); // the first jobs ended at +30m and +35m
        Assert.Equal((0, 2), (account.Aws.Slurm.Queue("c", "q").PendingJobs, account.Aws.Slurm.Queue("c", "q").RunningJobs));
        Assert.DoesNotContain(NewImage, Images(account));
        account.Advance(TimeSpan.FromMinutes(30));

        Assert.All(Images(account), i => Assert.Equal(NewImage, i));
        Assert.All(account.Aws.Slurm.Jobs("c"), j => Assert.Equal((SlurmJob.Completed, 0), (j.State, j.Requeues)));
    }

    [Fact] // two jobs ending at the same instant: the first end's scheduling replaces the other's node; its job completed, it is not requeued
    public void MarkedNodes_TwoJobsEndAtOnceAndAreDrained_BothCompletedNoneRequeued()
    {
        var account = BusyAndMarked();
        lock (account.Aws.State.Gate)
            account.Aws.Pcs.Fleet.UpdateNodes(account.Aws.State.FindCluster("c")!, ["compute-1", "compute-2"], "DRAIN", "test", "root");

        account.Advance(TimeSpan.FromMinutes(35));

        var jobs = account.Aws.Slurm.Jobs("c").OrderBy(j => j.JobId).ToList();
        Assert.All(jobs.Take(2), j => Assert.Equal((SlurmJob.Completed, 0), (j.State, j.Requeues)));
        Assert.All(jobs.Skip(2), j => Assert.Equal(SlurmJob.Pending, j.State));   // drained: the replacements keep the names and the flag
        Assert.All(Images(account), i => Assert.Equal(NewImage, i));
    }
}
