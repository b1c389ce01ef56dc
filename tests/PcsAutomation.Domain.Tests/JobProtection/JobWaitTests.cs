using CsCheck;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.JobProtection;
using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Domain.Tests.JobProtection;

public class JobWaitTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 11, 2, 0, 0, TimeSpan.Zero);
    private static readonly JobProtectionWindow Window = new(Start, Start.AddHours(2));
    private static readonly JobPolicySettings Abort = new(JobPolicy.Reserve, false, TimeSpan.FromHours(1), JobPolicyTimeoutAction.Abort, [], []);
    private static readonly JobPolicySettings Proceed = Abort with { OnTimeout = JobPolicyTimeoutAction.Proceed };
    private static readonly WorkflowKind Rotation = WorkflowKind.ClusterSecretRotation;

    private static RunningJob Job(string id, int? endsAfterStartMinutes) => new(id, endsAfterStartMinutes is { } m ? Start.AddMinutes(m) : null);

    [Fact]
    public void Decide_NoJobOnTheNodes_Ready()
    {
        var decision = JobWait.Decide(Rotation, JobPolicy.Reserve, Abort, Window, [], Start);

        Assert.Equal((JobWaitOutcome.Ready, (DateTimeOffset?)null), (decision.Outcome, decision.Until));
    }

    [Fact] // the jobs' ends are known and come before the wait's end: look again at the last one
    public void Decide_JobsEndingInsideTheWait_WaitUntilTheLastEnd()
    {
        var decision = JobWait.Decide(Rotation, JobPolicy.Drain, Abort, Window, [Job("12", 40), Job("11", 10)], Start);

        Assert.Equal(JobWaitOutcome.Wait, decision.Outcome);
        Assert.Equal(Start.AddMinutes(40), decision.Until);
        Assert.Equal(Start.AddHours(1), decision.Deadline);
        Assert.Equal(["11", "12"], decision.Running.Select(j => j.JobId));
        Assert.Equal("2 job(s) still running: 11 (ends 2026-01-11 02:10Z), 12 (ends 2026-01-11 02:40Z); waiting until 2026-01-11 02:40Z, at most until 2026-01-11 03:00Z (timeout 1h from 2026-01-11 02:00Z)", decision.Reason);
    }

    [Theory] // no time limit, a job past its end, a job ending after the wait: nothing better than the wait's end is known
    [InlineData(null)]
    [InlineData(-5)]
    [InlineData(300)]
    public void Decide_AnEndUnknownPastOrBeyond_WaitUntilTheWaitsEnd(int? endMinutes)
    {
        var decision = JobWait.Decide(Rotation, JobPolicy.Reserve, Abort, Window, [Job("11", 10), Job("12", endMinutes)], Start.AddMinutes(1));

        Assert.Equal((JobWaitOutcome.Wait, (DateTimeOffset?)Start.AddHours(1)), (decision.Outcome, decision.Until));
    }

    [Fact]
    public void Decide_RotationAtItsTimeout_AbortsSayingNothingChanges()
    {
        var decision = JobWait.Decide(Rotation, JobPolicy.Reserve, Abort, Window, [Job("12", 300)], Start.AddHours(1));

        Assert.Equal((JobWaitOutcome.TimedOut, (JobPolicyTimeoutAction?)JobPolicyTimeoutAction.Abort), (decision.Outcome, decision.OnTimeout));
        Assert.Equal("the wait ended at 2026-01-11 03:00Z (timeout 1h from 2026-01-11 02:00Z) with 1 job(s) still running: 12 (ends 2026-01-11 07:00Z); abort: the cluster-secret-rotation stops before changing anything: the reservation is removed, the nodes it drained resume, and it reports", decision.Reason);
    }

    [Fact]
    public void Decide_RotationProceedingAtItsTimeout_SaysTheJobsAreRequeued()
    {
        var decision = JobWait.Decide(Rotation, JobPolicy.Drain, Proceed, Window, [Job("12", null)], Start.AddHours(2));

        Assert.Equal(JobPolicyTimeoutAction.Proceed, decision.OnTimeout);
        Assert.EndsWith("proceed: the cluster-secret-rotation goes on; the jobs still running end with their nodes and go back to their queues (guide L2668, L3480)", decision.Reason, StringComparison.Ordinal);
    }

    [Fact] // guide L2667: a roll-out's nodes are replaced once idle, going on ends no job
    public void Decide_RolloutAtItsTimeout_ProceedsLeavingTheJobsToPcs() =>
        Assert.EndsWith("keep running: PCS replaces their nodes once they end (guide L2667)",
            JobWait.Decide(WorkflowKind.NodeGroupUpdate, JobPolicy.Drain, Proceed, Window, [Job("12", 300)], Start.AddHours(1)).Reason, StringComparison.Ordinal);

    [Fact] // the expiry's actions must end 15 minutes before EC2's termination: the latest start cuts the wait short
    public void Decide_CapacityBlockAtItsLatestStart_TimedOutNamingTheCap()
    {
        var end = new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
        var window = JobProtectionWindow.ForCapacityBlock(ExpiryTiming.For(end, false, TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(20)), end.AddDays(-1))!;

        var waiting = JobWait.Decide(WorkflowKind.CapacityBlockExpiry, JobPolicy.Reserve, Proceed, window, [new("7", end.AddHours(3))], window.Start);
        var late = JobWait.Decide(WorkflowKind.CapacityBlockExpiry, JobPolicy.Reserve, Proceed, window, [new("7", end.AddHours(3))], end.AddMinutes(-65));

        Assert.Equal((JobWaitOutcome.Wait, (DateTimeOffset?)end.AddMinutes(-65)), (waiting.Outcome, waiting.Until));
        Assert.Equal(JobWaitOutcome.TimedOut, late.Outcome);
        Assert.StartsWith("the wait ended at 2026-03-02 10:55Z (the expiry's latest start 2026-03-02 10:55Z", late.Reason, StringComparison.Ordinal);
    }

    [Fact] // requeue: there is nothing to wait for, whatever runs
    public void Decide_Requeue_NoWaitListingTheJobsThatEnd()
    {
        var decision = JobWait.Decide(Rotation, JobPolicy.Requeue, Abort, Window, [Job("12", 300)], Start);

        Assert.Equal((JobWaitOutcome.NoWait, (JobPolicyTimeoutAction?)null), (decision.Outcome, decision.OnTimeout));
        Assert.Equal("requeue: no wait; 1 running job(s) end with their nodes and go back to their queues (guide L2668, L3480): 12 (ends 2026-01-11 07:00Z)", decision.Reason);
    }

    [Fact]
    public void Decide_AnyJobsAndTime_WaitsOnlyWithTimeLeftAndLooksAgainBeforeTheDeadline()
    {
        var job = Gen.Select(Gen.Int[0, 999], Gen.Int[-60, 300], Gen.Bool, (id, end, noLimit) => Job(id.ToString(System.Globalization.CultureInfo.InvariantCulture), noLimit ? null : end));
        Gen.Select(job.Array[0, 8], Gen.Int[0, 180]).Sample((jobs, minutes) =>
        {
            var now = Start.AddMinutes(minutes);
            var decision = JobWait.Decide(Rotation, JobPolicy.Reserve, Abort, Window, jobs, now);
            return decision.Outcome switch
            {
                JobWaitOutcome.Ready => jobs.Length == 0,
                JobWaitOutcome.Wait => jobs.Length > 0 && now < decision.Deadline && decision.Until > now && decision.Until <= decision.Deadline,
                JobWaitOutcome.TimedOut => jobs.Length > 0 && now >= decision.Deadline && decision.OnTimeout == JobPolicyTimeoutAction.Abort,
                _ => false,
            };
        });
    }
}
