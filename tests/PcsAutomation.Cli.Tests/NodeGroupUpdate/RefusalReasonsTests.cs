using PcsAutomation.Cli.NodeGroupUpdate;

namespace PcsAutomation.Cli.Tests.NodeGroupUpdate;

public class RefusalReasonsTests
{
    [Fact]
    public void From_RefusedPlanCause_OneReasonPerRuleKeepingAMessagesOwnSemicolon()
    {
        const string cause = "Roll-out of cluster pcs_abc1234567 to channel sample refused: "
            + "slurm-end-of-life (guide L6441-6454): node group compute-1: Slurm 24.11 reached its end of life on 2026-05-31; upgrade first; "
            + "architecture (guide L2549-2550): node group gpu: mixes x86_64 and arm64";

        var reasons = RefusalReasons.From(cause);

        Assert.Equal([
            "slurm-end-of-life (guide L6441-6454): node group compute-1: Slurm 24.11 reached its end of life on 2026-05-31; upgrade first",
            "architecture (guide L2549-2550): node group gpu: mixes x86_64 and arm64",
        ], reasons);
    }

    [Fact]
    public void From_OtherCause_TheCauseAsOneReason() =>
        Assert.Equal(["Cluster pcs_a (demo) is not tagged pcs-automation:managed=true"], RefusalReasons.From(" Cluster pcs_a (demo) is not tagged pcs-automation:managed=true "));

    [Fact]
    public void From_NoCause_None() => Assert.Empty(RefusalReasons.From(null));
}
