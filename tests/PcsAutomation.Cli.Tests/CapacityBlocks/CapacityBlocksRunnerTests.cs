using PcsAutomation.Cli.CapacityBlocks;
using PcsAutomation.Functions.CapacityBlocks;
using static PcsAutomation.Cli.Tests.CapacityBlocks.CapacitySamples;

namespace PcsAutomation.Cli.Tests.CapacityBlocks;

public class CapacityBlocksRunnerTests
{
    [Fact]
    public void Plannable_CapacityBlock_TheBlock()
    {
        Assert.Equal(C, CapacityBlocksRunner.Plannable(Account(), C).ReservationId);
    }

    [Fact]
    public void Plannable_DefaultReservation_UsageErrorSayingItIsNotABlock()
    {
        var error = Assert.Throws<CliException>(() => CapacityBlocksRunner.Plannable(Account(), Interruptible));

        Assert.Equal($"Reservation '{Interruptible}' has reservation type default, not capacity-block: the expiry plans Capacity Blocks only.", error.Message);
    }

    [Fact]
    public void Plannable_NoEndDate_UsageErrorSayingItDoesNotExpire()
    {
        var account = Account();
        CapacityFacts open = account with { Reservations = [.. account.Reservations.Select(r => r.ReservationId == C ? r with { EndDate = null } : r)] };

        var error = Assert.Throws<CliException>(() => CapacityBlocksRunner.Plannable(open, C));

        Assert.Contains("has no end date: it does not expire", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plannable_Unknown_UsageErrorNamingIt()
    {
        var error = Assert.Throws<CliException>(() => CapacityBlocksRunner.Plannable(Account(), Unknown));

        Assert.Contains($"No Capacity Reservation '{Unknown}'", error.Message, StringComparison.Ordinal);
    }
}
