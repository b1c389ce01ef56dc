using PcsAutomation.Domain.JobProtection;
using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Domain.Tests.NodeGroupUpdate;

public class CanaryDrainTests
{
    private const string Execution = "update-pcs_abc1234567-ami-0123456789abcdef0-20260111T0200";
    private static readonly DateTimeOffset Now = new(2026, 1, 11, 2, 0, 0, TimeSpan.Zero);
    private static readonly SlurmRestFacts Usable = new("STANDARD", "25.05", "192.0.2.1:6820", StackHasRestNetwork: true);

    // two jobs on the canary (compute-1), one on compute-10 (another group), one pending (no nodes)
    private static readonly PlacedJob[] Jobs =
    [
        new(new("101", Now.AddMinutes(30)), "compute-1-1"),
        new(new("102", Now.AddHours(3)), "compute-1-[2-3]"),
        new(new("103", Now.AddMinutes(10)), "compute-10-1"),
        new(new("104", null), null),
    ];

    private static JobProtectionPlan? Plan(IReadOnlyDictionary<string, string> tags, string? canary = "compute-1", SlurmRestFacts? facts = null)
    {
        var settings = JobPolicyTags.Read(tags, WorkflowKind.NodeGroupUpdate);
        return CanaryDrain.Plan(new(Execution, canary, settings, SlurmRestUsability.Decide(settings.Policy, facts ?? Usable), Jobs, Now, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Plan_Default_DrainsTheCanaryOnlyWithTheExecutionsReasonBoundedByTheVerification()
    {
        var plan = Plan(new Dictionary<string, string>())!;

        Assert.Equal(("reserve", "drain", 7200L), (plan.EffectivePolicy, plan.Action, plan.TimeoutSeconds));
        Assert.Equal(JobProtectionNames.DrainReason(WorkflowKind.NodeGroupUpdate, Execution), plan.DrainReason);
        Assert.Equal((2, 1), (plan.RunningJobs, plan.EndDuringWait)); // 101 and 102 run on compute-1; 103 is another group's
        Assert.Empty(plan.JobsEnded);
        Assert.Equal(
        [
            "Jobs: policy reserve (the default).",
            "At 2026-01-11 02:00Z the nodes of compute-1 are drained (reason 'pcs-automation-update-pcs_abc1234567-ami-0123456789abcdef0-20260111T0200 (node-group-update)'): running jobs go on, no new job starts there; they are resumed when the node-group-update ends (a roll-out has no window to reserve: reserve drains).",
            "From 2026-01-11 02:00Z the canary is verified once PCS has replaced its nodes, each as soon as its jobs end (guide L2667), until 2026-01-11 04:00Z at most (the roll-out's verification bound (2h00m)); a node still busy then fails the canary and the node-group-update rolls back, its jobs running on.",
            "Running jobs now: 2; 2 would still run at 2026-01-11 02:00Z: 1 expected to end by 2026-01-11 04:00Z; 1 may outlast it (102 (ends 2026-01-11 05:00Z)) and then keep running: PCS replaces their nodes once they end (guide L2667).",
        ], plan.Lines);
    }

    [Fact] // the tags a rotation reads for its wait do not change a roll-out, and the plan says so rather than quoting them
    public void Plan_TimeoutTagsSet_NotedAsNotApplyingAndTheVerificationBoundKept()
    {
        var plan = Plan(new Dictionary<string, string>
        {
            ["pcs-automation:job-policy"] = "drain", ["pcs-automation:job-policy-timeout"] = "forever", ["pcs-automation:job-policy-on-timeout"] = "abort",
        })!;

        Assert.Equal(("drain", 7200L, "proceed"), (plan.Action, plan.TimeoutSeconds, plan.OnTimeout));
        Assert.Empty(plan.Problems);
        Assert.Contains("pcs-automation:job-policy-timeout and pcs-automation:job-policy-on-timeout do not apply to a roll-out: the canary stays drained until it is verified, at most 2h after its update", plan.Lines);
        Assert.DoesNotContain(plan.Lines, l => l.Contains("forever", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_RestUnusable_RequeueWithTheReasonAndNothingDrained()
    {
        var plan = Plan(new Dictionary<string, string>(), facts: Usable with { Unreachable = "connection refused" })!;

        Assert.Equal(("requeue", "endpoint unreachable: connection refused"), (plan.Action, plan.FallbackReason));
        Assert.Null(plan.DrainReason);
        Assert.Equal("Jobs: policy requeue instead of reserve (the default): endpoint unreachable: connection refused.", plan.Lines[0]);
    }

    [Fact]
    public void Plan_NoCanary_NoPlan() => Assert.Null(Plan(new Dictionary<string, string>(), canary: null));

    [Fact] // a node an administrator drained keeps its reason; other groups' nodes are not touched
    public void NodesToDrain_CanaryNodesNotDrainedYet_Sorted()
    {
        var nodes = new[] { ("compute-1-2", false), ("compute-1-1", false), ("compute-1-3", true), ("compute-10-1", false), ("compute-1", false) };

        Assert.Equal(["compute-1-1", "compute-1-2"], CanaryDrain.NodesToDrain("compute-1", nodes));
    }
}
