using CsCheck;
using PcsAutomation.Domain.Configuration;
using PcsAutomation.Domain.Rotation;

namespace PcsAutomation.Domain.Tests.Rotation;

public class RotationScheduleTests
{
    private static readonly MaintenanceWindow Sunday = MaintenanceWindow.Parse("sun:02:00-sun:06:00", "t");
    private static readonly ClusterTagConfiguration Managed = new(true, Sunday, TimeSpan.FromDays(90), TagKeys.DefaultByoLoginTagKey);

    // Sunday 2026-01-11 03:12 UTC: inside the window.
    private static readonly DateTimeOffset InWindow = new(2026, 1, 11, 3, 12, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset OutOfWindow = new(2026, 1, 14, 3, 12, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Created = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Decide_NotManaged_SkipsAsNotManaged()
    {
        var decision = RotationSchedule.Decide(Managed with { IsManaged = false }, null, Created, InWindow);
        Assert.Equal(new RotationDecision(false, "not managed", null), decision);
    }

    [Fact]
    public void Decide_RotatedRecently_SkipsWithAgeAndMaxAge()
    {
        var decision = RotationSchedule.Decide(Managed, InWindow.AddDays(-12).AddHours(-5), Created, InWindow);
        Assert.False(decision.Start);
        Assert.Equal("rotated 12d ago, max age 90d", decision.Reason);
        Assert.Null(decision.WindowOpenedAt);
    }

    [Fact]
    public void Decide_NeverRotatedRecentlyCreated_SkipsCountingFromCreation()
    {
        var decision = RotationSchedule.Decide(Managed, null, InWindow.AddHours(-5), InWindow);
        Assert.Equal("created 5h ago, max age 90d", decision.Reason);
    }

    [Fact]
    public void Decide_DueButWindowClosed_SkipsNamingTheWindow()
    {
        var decision = RotationSchedule.Decide(Managed, OutOfWindow.AddDays(-100), Created, OutOfWindow);
        Assert.False(decision.Start);
        Assert.Contains("rotated 100d ago, max age 90d", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("maintenance window sun:02:00-sun:06:00 is closed", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("next opening 2026-01-18T02:00:00Z", decision.Reason, StringComparison.Ordinal);
        Assert.Null(decision.WindowOpenedAt);
    }

    [Fact]
    public void Decide_DueAndWindowOpen_StartsWithWindowStart()
    {
        var decision = RotationSchedule.Decide(Managed, InWindow.AddDays(-100), Created, InWindow);
        Assert.True(decision.Start);
        Assert.Equal(new DateTimeOffset(2026, 1, 11, 2, 0, 0, TimeSpan.Zero), decision.WindowOpenedAt);
        Assert.Contains("rotation due", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NeverRotatedOldSecret_StartsFromCreation()
    {
        var decision = RotationSchedule.Decide(Managed, null, Created, InWindow);
        Assert.True(decision.Start);
        Assert.StartsWith("created 375d ago, max age 90d", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ExactlyMaxAge_IsDue()
    {
        Assert.True(RotationSchedule.Decide(Managed, InWindow.AddDays(-90), Created, InWindow).Start);
        Assert.False(RotationSchedule.Decide(Managed, InWindow.AddDays(-90).AddSeconds(1), Created, InWindow).Start);
    }

    [Fact]
    public void Decide_RecentRotationOldCreation_NotDue()
    {
        Assert.False(RotationSchedule.Decide(Managed, InWindow.AddDays(-1), Created, InWindow).Start);
    }

    [Fact]
    public void Decide_BaselineInTheFuture_NotDue()
    {
        var decision = RotationSchedule.Decide(Managed, InWindow.AddHours(2), Created, InWindow);
        Assert.False(decision.Start);
        Assert.Contains("after now", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_HoursMaxAge_ReasonInHours()
    {
        var decision = RotationSchedule.Decide(Managed with { RotationMaxAge = TimeSpan.FromHours(12) }, InWindow.AddMinutes(-30), Created, InWindow);
        Assert.Equal("rotated 30m ago, max age 12h", decision.Reason);
    }

    [Fact]
    public void Decide_Any_StartsIffManagedDueAndOpen()
    {
        var gen = Gen.Select(Gen.Bool, Gen.Int[0, 400], Gen.Long[1_600_000_000L, 1_900_000_000L], Gen.Int[1, 200]);
        gen.Sample((managed, ageDays, nowSeconds, maxAgeDays) =>
        {
            var now = DateTimeOffset.FromUnixTimeSeconds(nowSeconds);
            var config = Managed with { IsManaged = managed, RotationMaxAge = TimeSpan.FromDays(maxAgeDays) };
            var decision = RotationSchedule.Decide(config, now.AddDays(-ageDays), Created, now);
            var expected = managed && ageDays >= maxAgeDays && Sunday.IsOpen(now);
            return decision.Start == expected && (decision.WindowOpenedAt is not null) == expected
                && (!expected || decision.WindowOpenedAt == Sunday.OpenedAt(now));
        });
    }
}
