using System.Text.Json.Nodes;
using PcsAutomation.States.Runtime;
using PcsAutomation.Workflows.Tests.Support;
using static PcsAutomation.Workflows.Tests.Rotation.JobProtectionStacks;

namespace PcsAutomation.Workflows.Tests.Rotation;

/// <summary>
/// The reservation an advance notice creates under reserve when that window's rotation never runs (the cluster opted
/// out after the notice; a deferral for a Capacity Block expiry or a missed window leave it the same way): nothing
/// removes it, by design (docs/runbooks/job-protection.md, "A notice's reservation whose rotation never runs"). It ends
/// by itself at the window's opening + the wait's timeout + 30 minutes, and the jobs it held start then.
/// </summary>
public class RotationNoticeReservationTests
{
    [Fact]
    public async Task AdvanceNoticeReservation_RotationNeverRuns_EndsByItselfAtWindowPlusTimeoutPlusMarginAndHeldJobsStart()
    {
        var saturday = new DateTimeOffset(2026, 1, 10, 0, 0, 0, TimeSpan.Zero);
        var windowOpens = new DateTimeOffset(2026, 1, 11, 2, 0, 0, TimeSpan.Zero);   // the default window, sun:02:00
        var reservationEnds = windowOpens + TimeSpan.FromHours(1) + TimeSpan.FromMinutes(30); // default timeout 1h, margin 30 min
        await using var workflow = await DeployedStack.StartAsync(
            RestCluster(true, ("pcs-automation:rotation-max-age", "1h")), start: saturday, parameters: RestNetwork);
        Assert.True(await workflow.Aws.RunUntilAsync(() => workflow.ExecutionsOf(DeployedStack.NoticeStateMachine) is [{ IsComplete: true }], TimeSpan.FromHours(30)));
        var reservation = Assert.Single(workflow.Aws.Slurm.Reservations(Cluster));
        Assert.Equal((windowOpens, reservationEnds), (reservation.Start, reservation.End));

        // After the notice, the cluster is opted out: the reconciler skips it, no rotation runs in the window.
        workflow.Aws.Call("pcs", "TagResource", new JsonObject
        {
            ["resourceArn"] = workflow.Aws.State.FindCluster(Cluster)!.Arn,
            ["tags"] = new JsonObject { ["pcs-automation:managed"] = "false" },
        });
        var held = Assert.Single(workflow.Aws.Scenarios.SubmitJobs(Cluster, Queue, 1, TimeSpan.FromHours(2), TimeSpan.FromHours(30)));

        await workflow.Aws.RunUntilAsync(() => false, reservationEnds - TimeSpan.FromMinutes(1) - workflow.Aws.Clock.GetUtcNow());
        Assert.Equal("PENDING", workflow.Aws.Slurm.Jobs(Cluster).Single(j => j.JobId == held.JobId).State);
        Assert.Single(workflow.Aws.Slurm.Reservations(Cluster));

        await workflow.Aws.RunUntilAsync(() => false, TimeSpan.FromMinutes(30));
        Assert.Empty(workflow.Aws.Slurm.Reservations(Cluster));
        var job = workflow.Aws.Slurm.Jobs(Cluster).Single(j => j.JobId == held.JobId);
        Assert.Equal("RUNNING", job.State);
        Assert.True(job.StartTime >= reservationEnds, $"started at {job.StartTime:O}, before the reservation's end");
        Assert.Empty(workflow.Executions);                                                   // no rotation ran
        Assert.All(workflow.ExecutionsOf(DeployedStack.NoticeStateMachine), e => Assert.Equal(ExecutionStatus.Succeeded, e.Status));
    }
}
