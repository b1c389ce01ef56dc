using PcsAutomation.Cli.CapacityBlocks;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Functions.CapacityBlocks;
using static PcsAutomation.Cli.Tests.CapacityBlocks.CapacitySamples;

namespace PcsAutomation.Cli.Tests.CapacityBlocks;

public class ExpiryPlanTextTests
{
    internal static ExpiryPlan PlanOf(string id, CapacityFacts? facts = null, TimeSpan? lead = null, DateTimeOffset? now = null)
    {
        var account = facts ?? Account();
        return CapacityExpiryPlans.Expire(account, id, null, [], now ?? Now, new CapacityBlockExpiryOptions(lead: lead))!;
    }

    internal static IReadOnlyDictionary<string, string> Names() =>
        Account().Clusters.SelectMany(c => c.NodeGroups).ToDictionary(g => g.NodeGroupId, g => g.NodeGroupName);

    private static string Render(ExpiryPlan plan, IReadOnlyList<ClusterSkip>? leftAlone = null)
    {
        using var console = new StringConsole();
        ExpiryPlanText.Render(console.Console, plan, Names(), leftAlone ?? []);
        return console.Text;
    }

    [Fact] // capacity-blocks-monitor.html: warning 40 min before the end; capacity-blocks-using.html: termination 30 min before
    public void Render_Block_TimingRowsFromTheEnd()
    {
        var text = Render(PlanOf(C));

        Assert.Contains($"Expiry plan for Capacity Block {C} (p4d.24xlarge x 2, us-east-1a, active), planned at 2026-01-05 08:00:00Z", text, StringComparison.Ordinal);
        Assert.Contains("  ends         2026-01-05 13:00:00Z  5h 00m from now", text, StringComparison.Ordinal);
        Assert.Contains("  warning      2026-01-05 12:20:00Z", text, StringComparison.Ordinal);
        Assert.Contains("  termination  2026-01-05 12:30:00Z  EC2 begins terminating the block's instances, 30 minutes before the end", text, StringComparison.Ordinal);
        Assert.Contains("  deadline     2026-01-05 12:15:00Z  every action done by then: 15 minutes before termination", text, StringComparison.Ordinal);
        Assert.Contains("  acts at      2026-01-05 11:30:00Z  lead 1h 30m; the actions take up to", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WindDownBesideAnotherGroup_QueueEditByNameAndParkedScaling()
    {
        var text = Render(PlanOf(C));

        Assert.Contains("  cluster capacity (pcs_capacity01), under its own lease", text, StringComparison.Ordinal);
        Assert.Contains("    gpu-c (pcs_gpu-c)  wind-down:", text, StringComparison.Ordinal);
        Assert.Contains("      steps: update-queues, scale-to-zero", text, StringComparison.Ordinal);
        Assert.Contains("    queue gpu-c (pcs_q-gpu-c): gpu-c, cpu → cpu", text, StringComparison.Ordinal);
        Assert.Contains("    parked gpu-c: scaled to 0/0, min 0 max 2 saved, restored if the block is extended or renewed", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SuccessorBlock_LaunchTemplateSwitchAndTheMaintNote()
    {
        var text = Render(PlanOf(A));

        Assert.Contains($"      launch template lt-gpu-a: new version from 1 naming {ASuccessor} instead of {A}", text, StringComparison.Ordinal);
        Assert.Contains("      steps: create-launch-template-version, update-node-group-launch-template", text, StringComparison.Ordinal);
        Assert.Contains("note scheduled-maint (guide L3514-3529)", text, StringComparison.Ordinal); // a state, not a fault
        Assert.DoesNotContain("queue gpu-a", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OnlyGroupOfItsQueue_NoEditAndTheNeedsOperatorFinding()
    {
        var text = Render(PlanOf(D));

        Assert.DoesNotContain("    queue gpu-d (", text, StringComparison.Ordinal); // no edit line: the group stays
        Assert.Contains("finding (needs operator) queue-left-waiting", text, StringComparison.Ordinal);
    }

    [Fact] // a lead too short for the actions is raised so they end 15 minutes before termination
    public void Render_ShortLead_SaysItWasRaised()
    {
        var text = Render(PlanOf(C, lead: TimeSpan.FromMinutes(1)));

        Assert.Contains("lead raised from 1m to ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnusedBlock_NothingToDo()
    {
        var text = Render(PlanOf(ASuccessor));

        Assert.Contains("no node group uses this block: nothing to do", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ClusterLeftAlone_SaysSoAndWhy()
    {
        var text = Render(PlanOf(E), [new ClusterSkip(LabId, "lab", "not tagged pcs-automation:managed=true: the automation does not touch it")]);

        Assert.Contains("  cluster lab (pcs_lab0000001): left alone, not tagged pcs-automation:managed=true: the automation does not touch it; what the plan would do there:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("under its own lease", text, StringComparison.Ordinal);
    }
}
