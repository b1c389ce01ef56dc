using PcsAutomation.Domain.Configuration;
using PcsAutomation.Domain.Rotation;

namespace PcsAutomation.Domain.Tests.Rotation;

public class AdvanceNoticeTests
{
    // Default window sun:02:00-sun:06:00; 2026-01-04 is a Sunday.
    private static readonly DateTimeOffset WindowOpens = new(2026, 1, 4, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lead = TimeSpan.FromHours(24);

    private static ClusterTagConfiguration Config(bool managed = true, string maxAge = "90d") =>
        new(managed, MaintenanceWindow.Parse("sun:02:00-sun:06:00", "w"), DurationText.Parse(maxAge, "m"), "k");

    [Fact]
    public void Decide_DueByAWindowWithinTheLeadTime_SendsNamingTheOpening()
    {
        var decision = AdvanceNotice.Decide(Config(), lastRotated: WindowOpens.AddDays(-100), WindowOpens.AddDays(-200), WindowOpens.AddHours(-23), Lead);

        Assert.True(decision.Send);
        Assert.Equal(WindowOpens, decision.WindowOpensAt);
    }

    [Fact]
    public void Decide_WindowBeyondTheLeadTime_NotYet() =>
        Assert.False(AdvanceNotice.Decide(Config(), WindowOpens.AddDays(-100), WindowOpens.AddDays(-200), WindowOpens.AddHours(-25), Lead).Send);

    [Fact]
    public void Decide_DueOnlyAfterTheNextWindow_NoNotice()
    {
        var decision = AdvanceNotice.Decide(Config(), lastRotated: WindowOpens.AddDays(-89), WindowOpens.AddDays(-200), WindowOpens.AddHours(-2), Lead);

        Assert.False(decision.Send);
        Assert.Contains("not due by the next window", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_BecomesDueExactlyAtTheOpening_Sends() =>
        Assert.True(AdvanceNotice.Decide(Config(), lastRotated: WindowOpens.AddDays(-90), WindowOpens.AddDays(-200), WindowOpens.AddHours(-2), Lead).Send);

    [Fact]
    public void Decide_WindowOpenNow_AnnouncesTheNextOneNotThisOne()
    {
        // Inside this week's window the rotation itself starts (and notifies); the next opening is a week away.
        var decision = AdvanceNotice.Decide(Config(), WindowOpens.AddDays(-100), WindowOpens.AddDays(-200), WindowOpens.AddHours(1), Lead);

        Assert.False(decision.Send);
    }

    [Fact]
    public void Decide_Unmanaged_Never() =>
        Assert.False(AdvanceNotice.Decide(Config(managed: false), WindowOpens.AddDays(-100), WindowOpens.AddDays(-200), WindowOpens.AddHours(-1), Lead).Send);
}
