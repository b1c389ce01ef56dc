using PcsAutomation.Domain.CapacityBlocks;
using static PcsAutomation.Domain.Tests.CapacityBlocks.Blocks;

namespace PcsAutomation.Domain.Tests.CapacityBlocks;

public class ExpiryRecheckTests
{
    private static readonly DateTimeOffset ActionTime = End.AddMinutes(-90);

    [Fact]
    public void Decide_EndUnchanged_Act()
    {
        var decision = ExpiryRecheck.Decide(Expiring, End, Block(), nothingLeft: false, ActionTime);
        Assert.Equal((RecheckOutcomes.Act, null, null), (decision.Outcome, decision.NewEndDate, decision.NewExecutionName));
    }

    [Fact]
    public void Decide_ExtensionPaid_SupersededByTheRunOfTheNewEnd()
    {
        var decision = ExpiryRecheck.Decide(Expiring, End, Block(end: End.AddDays(2)), nothingLeft: false, ActionTime);

        Assert.Equal(RecheckOutcomes.Superseded, decision.Outcome);
        Assert.Equal(End.AddDays(2), decision.NewEndDate);
        Assert.Equal("expire-cr-0aaaaaaaaaaaaaaa1-20260304T113000", decision.NewExecutionName);
        Assert.Contains("the extension is paid (guide L3472-3476)", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ExtensionPaymentFailed_EndKeptSoAct()
    {
        // guide L3476: the block stays active until its original end date.
        Assert.Equal(RecheckOutcomes.Act, ExpiryRecheck.Decide(Expiring, End, Block(state: "active"), nothingLeft: false, ActionTime).Outcome);
    }

    [Fact]
    public void Decide_BlockGone_NothingDue()
    {
        var decision = ExpiryRecheck.Decide(Expiring, End, null, nothingLeft: false, ActionTime);
        Assert.Equal(RecheckOutcomes.NothingDue, decision.Outcome);
        Assert.Contains("no longer listed", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ExpiredAndHandled_NothingDue_ExpiredButGroupsLeft_Act()
    {
        var expired = Block(state: "expired");
        Assert.Equal(RecheckOutcomes.NothingDue, ExpiryRecheck.Decide(Expiring, End, expired, nothingLeft: true, End.AddMinutes(5)).Outcome);
        Assert.Equal(RecheckOutcomes.Act, ExpiryRecheck.Decide(Expiring, End, expired, nothingLeft: false, End.AddMinutes(5)).Outcome);
    }

    [Fact]
    public void Decide_EndMovedEarlier_ActOnTheNewDate()
    {
        var decision = ExpiryRecheck.Decide(Expiring, End, Block(end: End.AddHours(-1)), nothingLeft: false, ActionTime);
        Assert.Equal((RecheckOutcomes.Act, End.AddHours(-1)), (decision.Outcome, decision.NewEndDate));
    }
}
