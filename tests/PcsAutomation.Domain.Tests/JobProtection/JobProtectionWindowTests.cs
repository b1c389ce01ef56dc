using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.JobProtection;

namespace PcsAutomation.Domain.Tests.JobProtection;

public class JobProtectionWindowTests
{
    private static readonly DateTimeOffset Opening = new(2026, 1, 11, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset BlockEnd = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ForRotation_AnnouncedADayAhead_HeldFromTheOpeningToTheWaitTheRotationAndTheMargin()
    {
        var window = JobProtectionWindow.ForRotation(Opening.AddDays(-1), Opening, TimeSpan.FromMinutes(20), TimeSpan.FromHours(1));

        Assert.Equal((Opening, Opening.AddMinutes(60 + 20 + 30)), (window.Start, window.End));
        Assert.Null(window.WaitCap);
        Assert.Equal(Opening.AddHours(1), window.WaitDeadline(TimeSpan.FromHours(1)));
    }

    [Fact] // on demand, or announced after the opening: from now
    public void ForRotation_StartedInsideTheWindow_HeldFromNow()
    {
        var now = Opening.AddMinutes(42);

        var window = JobProtectionWindow.ForRotation(now, Opening, TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(5), TimeSpan.Zero);

        Assert.Equal((now, now.AddMinutes(25)), (window.Start, window.End));
    }

    [Fact] // from the action time (the park ends the jobs) to the end; the wait stops at the latest start
    public void ForCapacityBlock_DiscoveredADayAhead_HeldFromTheActionTimeToTheEndWaitCappedAtTheLatestStart()
    {
        var timing = ExpiryTiming.For(BlockEnd, ultraServer: false, TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(20));

        var window = JobProtectionWindow.ForCapacityBlock(timing, BlockEnd.AddDays(-1))!;

        Assert.Equal((BlockEnd.AddMinutes(-90), BlockEnd), (window.Start, window.End));
        Assert.Equal(BlockEnd.AddMinutes(-65), window.WaitCap); // end - 30 - 15 - 20
        Assert.Equal(BlockEnd.AddMinutes(-65), window.WaitDeadline(TimeSpan.FromHours(1)));
        Assert.Equal(BlockEnd.AddMinutes(-85), window.WaitDeadline(TimeSpan.FromMinutes(5)));
        Assert.Contains("latest start 2026-03-02 10:55Z", window.WaitCapReason, StringComparison.Ordinal);
    }

    [Fact]
    public void ForCapacityBlock_DiscoveredAfterTheActionTime_HeldFromNow()
    {
        var timing = ExpiryTiming.For(BlockEnd, ultraServer: false, TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(20));

        Assert.Equal(BlockEnd.AddMinutes(-50), JobProtectionWindow.ForCapacityBlock(timing, BlockEnd.AddMinutes(-50))!.Start);
    }

    [Fact]
    public void ForCapacityBlock_AfterTheEnd_NothingToHold()
    {
        var timing = ExpiryTiming.For(BlockEnd, ultraServer: false, TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(20));

        Assert.Null(JobProtectionWindow.ForCapacityBlock(timing, BlockEnd));
    }

    [Fact]
    public void ForRollout_AGroupsUpdate_HeldUntilTheVerificationBound()
    {
        var window = JobProtectionWindow.ForRollout(Opening, TimeSpan.FromHours(2));

        Assert.Equal((Opening, Opening.AddHours(2), Opening.AddHours(2)), (window.Start, window.End, window.WaitCap));
        Assert.Equal(Opening.AddHours(1), window.WaitDeadline(TimeSpan.FromHours(1)));
        Assert.Equal(Opening.AddHours(2), window.WaitDeadline(TimeSpan.FromHours(5)));
    }

    [Fact]
    public void For_AWindow_TheReservationCoversItWithTheMaintenanceFlags()
    {
        var window = JobProtectionWindow.ForRotation(Opening.AddDays(-1), Opening, TimeSpan.FromMinutes(20), TimeSpan.FromHours(1));

        var reservation = MaintenanceReservation.For("pcs-automation-rotate-pcs_abc-20260111T0200", Opening.AddDays(-1), window, ["gpu", "compute"]);

        Assert.Equal((Opening.AddDays(-1), Opening, window.End), (reservation.CreateAt, reservation.StartsAt, reservation.EndsAt));
        Assert.Equal(["MAINT", "IGNORE_JOBS"], reservation.Flags);
        Assert.Equal(["compute", "gpu"], reservation.NodeGroups);
        Assert.Equal("Slurm reservation pcs-automation-rotate-pcs_abc-20260111T0200 (MAINT) on the nodes of compute, gpu from 2026-01-11 02:00Z to 2026-01-11 03:50Z", reservation.ToString());
    }
}
