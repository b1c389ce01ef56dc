using System.Text.Json.Nodes;
using PcsAutomation.Cli.CapacityBlocks;

namespace PcsAutomation.Cli.Tests.CapacityBlocks;

public class ExpireRunnerTests
{
    private static readonly DateTimeOffset End = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact] // the contract the reconciler and the event router share: {"reservationId", "endDate", "mode", "trigger", "dryRun"}
    public void Input_Block_TheWorkflowsInputWithEcTwosEndDate()
    {
        var input = ExpireRunner.Input("cr-0b000000000000001", End);

        Assert.Equal("""{"reservationId":"cr-0b000000000000001","endDate":"2026-01-05T12:00:00Z","mode":"expire","trigger":"manual: pcs-automation capacity-blocks expire","dryRun":false}""",
            input.ToJsonString());
    }

    [Fact]
    public void Describe_Input_TheBlockAndItsEnd()
    {
        Assert.Equal("the expiry of Capacity Block cr-0b000000000000001 (ends 2026-01-05 12:00:00Z)", ExpireRunner.Describe(ExpireRunner.Input("cr-0b000000000000001", End)));
    }

    [Fact] // one execution per block and end date whoever starts it: the schedule's run is the same run
    public void SameRun_StartedByTheSchedule_Same()
    {
        var schedule = ExpireRunner.Input("cr-0b000000000000001", End);
        schedule["trigger"] = "schedule";
        schedule["endDate"] = "2026-01-05T12:00:00.000Z";

        Assert.True(ExpireRunner.SameRun(schedule, ExpireRunner.Input("cr-0b000000000000001", End)));
    }

    [Fact]
    public void SameRun_DryRunOrOtherEnd_NotTheSame()
    {
        var dryRun = ExpireRunner.Input("cr-0b000000000000001", End);
        dryRun["dryRun"] = true;
        var wanted = ExpireRunner.Input("cr-0b000000000000001", End);

        Assert.False(ExpireRunner.SameRun(dryRun, wanted));
        Assert.False(ExpireRunner.SameRun(ExpireRunner.Input("cr-0b000000000000001", End.AddDays(1)), wanted));
        Assert.False(ExpireRunner.SameRun(new JsonObject { ["reservationId"] = "cr-0b000000000000001" }, wanted));
    }
}
