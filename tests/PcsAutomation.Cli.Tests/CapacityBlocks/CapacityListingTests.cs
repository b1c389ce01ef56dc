using PcsAutomation.Cli.CapacityBlocks;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.Configuration;
using static PcsAutomation.Cli.Tests.CapacityBlocks.CapacitySamples;

namespace PcsAutomation.Cli.Tests.CapacityBlocks;

public class CapacityListingTests
{
    internal static readonly AutomationDefaults Defaults = AutomationDefaults.FromEnvironment(_ => null);

    private static readonly CapacityListing Listing = CapacityListing.Build(Account(), Now, new CapacityBlockExpiryOptions(), Defaults);

    private static ListedBlock Of(string id) => Listing.Blocks.Single(b => b.ReservationId == id);

    private static GroupExpiryAction? ActionOf(string id, string group) => Of(id).Groups.Single(g => g.Use.NodeGroupName == group).Action;

    [Fact]
    public void Build_Account_EveryBlockAndUsedReservationSoonestEndFirst()
    {
        // the ended block first (its end is past), blocks by end, the two reservations ending in a day, the one EC2 does not list last;
        // the default reservation no group uses is not a block and is left out
        Assert.Equal([Ended, A, B, C, D, E, Interruptible, ASuccessor, Unknown], Listing.Blocks.Select(b => b.ReservationId));
    }

    [Fact]
    public void Build_Account_EachGroupsPlannedActionFromItsPolicy()
    {
        Assert.Equal(ExpiryActions.SuccessorBlock, ActionOf(A, "gpu-a")!.Action);
        Assert.Equal(ASuccessor, ActionOf(A, "gpu-a")!.SuccessorReservationId);
        Assert.Equal(ExpiryActions.Failover, ActionOf(B, "gpu-b")!.Action);
        Assert.Equal("gpu-b-fallback", ActionOf(B, "gpu-b")!.ReplacementNodeGroupName);
        Assert.Equal(ExpiryActions.WindDown, ActionOf(C, "gpu-c")!.Action);
        Assert.Equal(ExpiryActions.WindDown, ActionOf(D, "gpu-d")!.Action);
    }

    [Fact] // guide L3423-3427, L3484: the only group of a queue is not detached, and the queue will hold its jobs
    public void Build_OnlyGroupOfItsQueue_NeedsOperatorFindingOnItsBlock()
    {
        var finding = Assert.Single(Of(D).Findings, f => f.Code == FindingCodes.QueueLeftWaiting);

        Assert.True(finding.NeedsOperator);
        Assert.Contains("gpu-d", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Of(C).Findings, f => f.Code == FindingCodes.QueueLeftWaiting);
    }

    [Fact]
    public void Build_TimingFromTheBlocksEndAndTheClock()
    {
        var a = Of(A);

        Assert.Equal(TimeSpan.FromHours(3), a.TimeLeft(Now));
        Assert.Equal(Now.AddHours(2.5), a.Timing!.TerminationAt); // end − 30 min
        Assert.Equal(Now.AddHours(1.5), a.Plan!.Timing.ActionStartsAt); // end − the 90-minute lead
        Assert.Equal(TimeSpan.FromHours(2.5), a.TimeToTermination(Now));
    }

    [Fact]
    public void Build_EndedBlock_ListedWithoutAPlan()
    {
        var ended = Of(Ended);

        Assert.Null(ended.Plan);
        Assert.Equal(TimeSpan.FromHours(-2), ended.TimeLeft(Now));
        Assert.StartsWith("over (expired)", ended.NoPlan, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnusedSuccessor_ListedWithNoGroup()
    {
        var successor = Of(ASuccessor);

        Assert.Empty(successor.Groups);
        Assert.NotNull(successor.Plan); // a block no group uses plans to nothing, with its timing
        Assert.Empty(successor.Plan!.Clusters);
    }

    [Fact]
    public void Build_ReservationEcTwoDoesNotList_UnknownWithItsFinding()
    {
        var unknown = Of(Unknown);

        Assert.Null(unknown.Reservation);
        Assert.Equal("gpu-x", Assert.Single(unknown.Groups).Use.NodeGroupName);
        Assert.Contains(unknown.Findings, f => f.Code == FindingCodes.UnknownReservation);
    }

    [Fact] // botocore PurchaseOption INTERRUPTIBLE_CAPACITY_RESERVATION: discovered and reported, not acted on
    public void Build_InterruptibleGroup_ReportedNotPlanned()
    {
        var use = Assert.Single(Listing.Interruptible);

        Assert.Equal("gpu-i", use.NodeGroupName);
        var listed = Assert.Single(Of(Interruptible).Groups);
        Assert.Null(listed.Action);
        Assert.Contains(Of(Interruptible).Notes, n => n.Code == FindingCodes.Interruptible);
    }

    [Fact] // the workflow acts only on clusters tagged pcs-automation:managed=true
    public void Build_UnmanagedCluster_LeftAloneWithWhy()
    {
        var lab = Assert.Single(Of(E).Groups);

        Assert.Equal("not tagged pcs-automation:managed=true: the automation does not touch it", lab.LeftAlone);
        Assert.Null(Assert.Single(Of(A).Groups).LeftAlone);
    }

    [Fact]
    public void Build_OtherManagedTagKey_TheStacksKeyDecides()
    {
        var defaults = AutomationDefaults.FromEnvironment(name => name == "PCS_AUTOMATION_MANAGED_TAG_KEY" ? "team:managed" : null);

        var listing = CapacityListing.Build(Account(), Now, new CapacityBlockExpiryOptions(), defaults);

        Assert.StartsWith("not tagged team:managed=true", Assert.Single(listing.Blocks.Single(b => b.ReservationId == A).Groups).LeftAlone, StringComparison.Ordinal);
    }
}
