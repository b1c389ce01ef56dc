using PcsAutomation.Cli.CapacityBlocks;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Functions.CapacityBlocks;
using static PcsAutomation.Cli.Tests.CapacityBlocks.CapacitySamples;

namespace PcsAutomation.Cli.Tests.CapacityBlocks;

public class CapacityListTextTests
{
    private static string Render(CapacityFacts facts)
    {
        using var console = new StringConsole();
        CapacityListText.Render(console.Console, CapacityListing.Build(facts, Now, new CapacityBlockExpiryOptions(), CapacityListingTests.Defaults), "a test clock");
        return console.Text;
    }

    [Fact]
    public void Render_Account_BlockDatesTimeLeftTerminationAndWhenTheExpiryActs()
    {
        var lines = ListText.BlockLines(Render(Account()), A);

        Assert.Equal($"{A}  p5.48xlarge x 4  us-east-1a  active", lines[0]);
        Assert.Equal("  2026-01-03 08:00:00Z → 2026-01-05 11:00:00Z, 3h 00m left", lines[1]);
        Assert.Equal("  EC2 terminates its instances from 2026-01-05 10:30:00Z (in 2h 30m); the expiry acts at 2026-01-05 09:30:00Z", lines[2]);
        Assert.StartsWith($"  capacity/gpu-a (pcs_gpu-a)  min 0 max 4: successor-block: tag pcs-automation:successor-block: moves to block {ASuccessor}", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Account_FailoverWindDownAndTheQueueLeftWaiting()
    {
        var text = Render(Account());

        Assert.Contains("capacity/gpu-b (pcs_gpu-b)  min 0 max 2: failover: tag pcs-automation:fallback-node-group: node group gpu-b-fallback (pcs_gpu-b-fallback) takes its place", text, StringComparison.Ordinal);
        Assert.Contains("capacity/gpu-c (pcs_gpu-c)  min 0 max 2: wind-down:", text, StringComparison.Ordinal);
        Assert.Contains("lab/lab-gpu (pcs_lab-gpu)  min 0 max 2: left alone: cluster lab is not tagged pcs-automation:managed=true: the automation does not touch it", text, StringComparison.Ordinal);
        Assert.Contains(ListText.BlockLines(text, D), l => l.StartsWith("  finding (needs operator) queue-left-waiting", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_Account_EndedUnknownAndInterruptibleSaySo()
    {
        var text = Render(Account());

        Assert.Contains("  2026-01-02 08:00:00Z → 2026-01-05 06:00:00Z, ended 2h 00m ago", ListText.BlockLines(text, Ended));
        Assert.Contains("  over (expired): nothing left to plan", ListText.BlockLines(text, Ended));
        Assert.Equal($"{Unknown}  unknown", ListText.BlockLines(text, Unknown)[0]);
        Assert.Contains("  no node group uses it", ListText.BlockLines(text, ASuccessor));
        Assert.DoesNotContain(ListText.BlockLines(text, ASuccessor), l => l.Contains("the expiry acts at", StringComparison.Ordinal)); // it acts on no group
        Assert.Contains("Node groups on interruptible Capacity Reservations (1; reported, the expiry does not act on them):", text, StringComparison.Ordinal);
        Assert.Contains($"  capacity/gpu-i (pcs_gpu-i)  on {Interruptible}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NothingRead_SaysThereIsNoBlock()
    {
        var text = Render(new CapacityFacts([], [], new Dictionary<string, IReadOnlyDictionary<string, string>>(), [], []));

        Assert.Contains("No Capacity Block in this account and Region, and no node group on a reservation.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TagValueWithMarkup_PrintedLiterally()
    {
        var facts = Account();
        var cluster = facts.Clusters[0];
        var groups = cluster.NodeGroups.Select(g => g.NodeGroupName == "gpu-b" ? g with { Tags = new Dictionary<string, string> { ["pcs-automation:fallback-node-group"] = "[red]x[/]" } } : g).ToList();

        var text = Render(facts with { Clusters = [cluster with { NodeGroups = groups }] });

        Assert.Contains("tag pcs-automation:fallback-node-group='[red]x[/]'", text, StringComparison.Ordinal);
    }
}
