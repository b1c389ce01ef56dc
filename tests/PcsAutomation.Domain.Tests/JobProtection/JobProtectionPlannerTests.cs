using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.JobProtection;
using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Domain.Tests.JobProtection;

public class JobProtectionPlannerTests
{
    private const string ClusterId = "pcs_abc1234567";
    private static readonly DateTimeOffset Opening = new(2026, 1, 11, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Announced = Opening.AddDays(-1);
    private static readonly SlurmRestFacts Usable = new("STANDARD", "25.05", "192.0.2.1:6820", StackHasRestNetwork: true);
    private static readonly string RotationExecution = ExecutionNames.ForWindow(WorkflowKind.ClusterSecretRotation, ClusterId, Opening);

    // 1 ends before the window, 2 during the hour's wait, 3 after it, 4 has no time limit
    private static readonly RunningJob[] Jobs =
    [
        new("101", Opening.AddHours(-2)), new("102", Opening.AddMinutes(30)), new("103", Opening.AddHours(5)), new("104", null),
    ];

    private static JobProtectionPlan Rotation(IReadOnlyDictionary<string, string> tags, SlurmRestFacts? facts = null, IReadOnlyList<RunningJob>? jobs = null)
    {
        var settings = JobPolicyTags.Read(tags, WorkflowKind.ClusterSecretRotation);
        var policy = SlurmRestUsability.Decide(settings.Policy, facts ?? Usable);
        var window = JobProtectionWindow.ForRotation(Announced, Opening, TimeSpan.FromMinutes(20), settings.Timeout);
        return JobProtectionPlanner.Plan(new(WorkflowKind.ClusterSecretRotation, RotationExecution, settings, policy, window, jobs ?? Jobs, Announced));
    }

    [Fact]
    public void Plan_RotationByDefault_ReservesTheWindowWaitsAnHourThenAborts()
    {
        var plan = Rotation(new Dictionary<string, string>());

        Assert.Equal(("reserve", false, "reserve", "reserve", 3600L, "abort"), (plan.RequestedPolicy, plan.PolicyTagged, plan.EffectivePolicy, plan.Action, plan.TimeoutSeconds, plan.OnTimeout));
        Assert.Equal(JobProtectionNames.RotationReservation(ClusterId, Opening), plan.Reservation!.Name);
        Assert.Equal((Announced, Opening, Opening.AddMinutes(110)), (plan.Reservation.CreateAt, plan.Reservation.StartsAt, plan.Reservation.EndsAt));
        Assert.Null(plan.DrainReason);
        Assert.Equal((4, 3, 1), (plan.RunningJobs, plan.StillRunningAtWindowStart, plan.EndDuringWait));
        Assert.Empty(plan.JobsEnded); // abort ends no job
        Assert.Equal(
        [
            "Jobs: policy reserve (the default).",
            "Slurm reservation pcs-automation-rotate-pcs_abc1234567-20260111T0200 (MAINT) on every node from 2026-01-11 02:00Z to 2026-01-11 03:50Z, created 2026-01-10 02:00Z: from then no job starts there that would still run at 2026-01-11 02:00Z (Slurm starts a job before a reservation only when its time limit ends first).",
            "At 2026-01-11 02:00Z the cluster-secret-rotation waits for the jobs on those nodes until 2026-01-11 03:00Z at most (timeout 1h); then abort: the cluster-secret-rotation stops before changing anything: the reservation is removed, the nodes it drained resume, and it reports.",
            "Running jobs now: 4; 3 would still run at 2026-01-11 02:00Z: 1 expected to end by 2026-01-11 03:00Z; 2 may outlast it (103 (ends 2026-01-11 07:00Z), 104 (no end time)) and then the cluster-secret-rotation aborts.",
        ], plan.Lines);
    }

    [Fact] // the reason an operator reads, and the jobs today's behaviour would end
    public void Plan_RestDisabled_FallsBackToRequeueSayingWhy()
    {
        var plan = Rotation(new Dictionary<string, string>(), Usable with { SlurmRestMode = "NONE", RestEndpoint = null }, jobs: []);

        Assert.Equal(("reserve", "requeue", "requeue"), (plan.RequestedPolicy, plan.EffectivePolicy, plan.Action));
        Assert.Equal("REST disabled on the cluster (slurmRest mode NONE)", plan.FallbackReason);
        Assert.Null(plan.Reservation);
        Assert.Equal("Jobs: policy requeue instead of reserve (the default): REST disabled on the cluster (slurmRest mode NONE).", plan.Lines[0]);
        Assert.Contains("Running jobs: not read (the Slurm REST API is not usable).", plan.Lines);
    }

    [Fact]
    public void Plan_RequeueTagged_EndsEveryJobStillRunningAtTheOpening()
    {
        var plan = Rotation(new Dictionary<string, string> { ["pcs-automation:job-policy"] = "requeue" });

        Assert.Equal(("requeue", true, (string?)null), (plan.EffectivePolicy, plan.PolicyTagged, plan.FallbackReason));
        Assert.Equal(["102", "103", "104"], plan.JobsEnded);
        Assert.Equal("Jobs: policy requeue (tag pcs-automation:job-policy).", plan.Lines[0]);
        Assert.Contains(plan.Lines, l => l.StartsWith("Running jobs now: 4; 3 would still run at 2026-01-11 02:00Z and end with their nodes and go back to their queues (guide L2668, L3480):", StringComparison.Ordinal));
        Assert.Contains("Jobs that start before 2026-01-11 02:00Z may add to these: only reserve keeps new jobs from running into the window.", plan.Lines);
    }

    [Fact]
    public void Plan_DrainProceeding_DrainsAtTheOpeningAndEndsOnlyTheJobsThatOutlastTheWait()
    {
        var plan = Rotation(new Dictionary<string, string> { ["pcs-automation:job-policy"] = "drain", ["pcs-automation:job-policy-on-timeout"] = "proceed" });

        Assert.Equal(("drain", "pcs-automation-rotate-pcs_abc1234567-20260111T0200 (cluster-secret-rotation)"), (plan.Action, plan.DrainReason));
        Assert.Null(plan.Reservation);
        Assert.Equal(["103", "104"], plan.JobsEnded);
        Assert.Contains(plan.Lines, l => l.StartsWith("At 2026-01-11 02:00Z every node of the cluster is drained (reason 'pcs-automation-rotate-", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_BadTag_TheProblemIsInThePlanAndTheLines()
    {
        var plan = Rotation(new Dictionary<string, string> { ["pcs-automation:job-policy-timeout"] = "forever" });

        var problem = Assert.Single(plan.Problems);
        Assert.Equal(("pcs-automation:job-policy-timeout", "forever"), (problem.TagKey, problem.Value));
        Assert.Equal(problem.Message, plan.Lines[1]);
    }

    [Fact] // a roll-out has no window to reserve: it drains the canary's nodes, and ends no job (guide L2667)
    public void Plan_RolloutReserve_DrainsTheCanaryAndEndsNoJob()
    {
        var settings = JobPolicyTags.Read(new Dictionary<string, string>(), WorkflowKind.NodeGroupUpdate);
        var window = JobProtectionWindow.ForRollout(Opening, TimeSpan.FromHours(2));

        var plan = JobProtectionPlanner.Plan(new(WorkflowKind.NodeGroupUpdate, "update-pcs_abc1234567-ami-0123456789abcdef0-20260111T0200", settings,
            SlurmRestUsability.Decide(settings.Policy, Usable), window, Jobs, Opening, ["compute-1"]));

        Assert.Equal(("reserve", "drain", "proceed"), (plan.EffectivePolicy, plan.Action, plan.OnTimeout));
        Assert.Null(plan.Reservation);
        Assert.Empty(plan.JobsEnded);
        Assert.Contains(plan.Lines, l => l.Contains("the nodes of compute-1 are drained", StringComparison.Ordinal) && l.EndsWith("(a roll-out has no window to reserve: reserve drains).", StringComparison.Ordinal));
        Assert.DoesNotContain(plan.Lines, l => l.StartsWith("Jobs that start before", StringComparison.Ordinal));
    }

    [Fact] // issue 12: no job that cannot finish starts after the block is discovered; the wait stops at the latest start
    public void Plan_CapacityBlock_ReservesFromTheActionTimeAndProceedsAtTheLatestStart()
    {
        var end = new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
        var discovered = end.AddHours(-20);
        var timing = ExpiryTiming.For(end, false, TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(20));
        var settings = JobPolicyTags.Read(new Dictionary<string, string> { ["pcs-automation:job-policy-on-timeout"] = "abort" }, WorkflowKind.CapacityBlockExpiry);
        var execution = ExecutionNames.ForCapacityBlock(WorkflowKind.CapacityBlockExpiry, "cr-0aaaaaaaaaaaaaaa1", end);

        var plan = JobProtectionPlanner.Plan(new(WorkflowKind.CapacityBlockExpiry, execution, settings, SlurmRestUsability.Decide(settings.Policy, Usable),
            JobProtectionWindow.ForCapacityBlock(timing, discovered)!, [new("7", end.AddHours(3)), new("8", end.AddHours(-2))], discovered, ["gpu-b"]));

        Assert.Equal(("pcs-automation-expire-cr-0aaaaaaaaaaaaaaa1-20260302T120000", end.AddMinutes(-90), end), (plan.Reservation!.Name, plan.Reservation.StartsAt, plan.Reservation.EndsAt));
        Assert.Equal(["gpu-b"], plan.Reservation.NodeGroups);
        Assert.Equal((end.AddMinutes(-65), "proceed"), (plan.WaitDeadline, plan.OnTimeout));
        Assert.Equal(["7"], plan.JobsEnded);
        Assert.Contains(plan.Lines, l => l.Contains("does not apply to a capacity-block-expiry", StringComparison.Ordinal));
        Assert.Contains(plan.Lines, l => l.Contains("until 2026-03-02 10:55Z at most (the expiry's latest start 2026-03-02 10:55Z", StringComparison.Ordinal));
    }
}
