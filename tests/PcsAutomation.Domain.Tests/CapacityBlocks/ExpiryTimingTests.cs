using CsCheck;
using PcsAutomation.Domain.CapacityBlocks;
using static PcsAutomation.Domain.Tests.CapacityBlocks.Blocks;

namespace PcsAutomation.Domain.Tests.CapacityBlocks;

public class ExpiryTimingTests
{
    private static readonly TimeSpan Minutes90 = TimeSpan.FromMinutes(90);

    [Fact]
    public void For_InstancesBlock_TerminationAt30MinutesDeadline15BeforeAndWarningAt40()
    {
        var timing = ExpiryTiming.For(End, ultraServer: false, Minutes90, TimeSpan.FromMinutes(20));

        Assert.Equal(End.AddMinutes(-40), timing.ExpirationWarningAt);
        Assert.Equal(End.AddMinutes(-30), timing.TerminationAt);
        Assert.Equal(End.AddMinutes(-45), timing.Deadline);
        Assert.Equal(End.AddMinutes(-90), timing.ActionStartsAt);
        Assert.Equal(End.AddMinutes(-65), timing.LatestStart);
        Assert.False(timing.LeadRaised());
    }

    [Fact]
    public void For_UltraServerBlock_Terminates60MinutesBeforeTheEnd()
    {
        var timing = ExpiryTiming.For(Block(ultra: "u-p6e-gb200x72"), Minutes90, TimeSpan.FromMinutes(20));

        Assert.True(timing.UltraServer);
        Assert.Equal(End.AddMinutes(-60), timing.TerminationAt);
        Assert.Equal(End.AddMinutes(-75), timing.Deadline);
        Assert.Equal(End.AddMinutes(-95), timing.ActionStartsAt);
        Assert.True(timing.LeadRaised());
    }

    [Fact]
    public void For_LeadTooShortForTheActions_RaisedSoTheyEndByTheDeadline()
    {
        var timing = ExpiryTiming.For(End, ultraServer: false, TimeSpan.FromMinutes(40), TimeSpan.FromMinutes(35));

        // end - 30 (termination) - 15 (margin) - 35 (actions) = end - 80
        Assert.Equal(TimeSpan.FromMinutes(80), timing.Lead);
        Assert.Equal(TimeSpan.FromMinutes(40), timing.RequestedLead);
        Assert.Equal(End.AddMinutes(-80), timing.ActionStartsAt);
        Assert.Equal(timing.LatestStart, timing.ActionStartsAt);
        Assert.Equal(timing.Deadline, timing.ActionStartsAt + timing.ExpectedDuration);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(721)]
    public void For_LeadOutOfRange_ThrowsNamingTheLead(int minutes)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ExpiryTiming.For(End, false, TimeSpan.FromMinutes(minutes), TimeSpan.Zero));
        Assert.Equal("lead", error.ParamName);
        Assert.StartsWith("lead: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("is outside 1m..12h00m", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_BlockWithoutEndDate_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => ExpiryTiming.For(Block() with { EndDate = null }, Minutes90, TimeSpan.Zero));
        Assert.Contains("has no end date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_AnyLeadAndDuration_ActionsEndByTheDeadline()
    {
        Gen.Select(Gen.Int[1, 720], Gen.Int[0, 600], Gen.Bool).Sample((lead, duration, ultra) =>
        {
            var timing = ExpiryTiming.For(End, ultra, TimeSpan.FromMinutes(lead), TimeSpan.FromMinutes(duration));
            return timing.ActionStartsAt + timing.ExpectedDuration <= timing.Deadline && timing.Lead >= timing.RequestedLead;
        });
    }
}
