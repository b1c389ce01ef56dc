using PcsAutomation.Domain.NodeGroupUpdate;

namespace PcsAutomation.Domain.Tests.NodeGroupUpdate;

public class UpdateDisruptionTests
{
    [Fact]
    public void For_ComputeGroupWithInstances_SaysTheyAreMarkedAndReplacedWhenIdle()
    {
        var text = UpdateDisruption.For(false, 3, ImageChanges.AmiId, "lt-1", 4);

        Assert.StartsWith("3 running instances are only marked for replacement and replaced once idle: running jobs finish first (guide L2667).", text, StringComparison.Ordinal);
        Assert.DoesNotContain("launch template", text, StringComparison.Ordinal);
    }

    [Fact]
    public void For_LoginGroup_SaysInteractiveSessionsAreCut()
    {
        var text = UpdateDisruption.For(true, 1, ImageChanges.AmiId, "lt-1", 4);

        Assert.Equal("1 login instance will be replaced: interactive sessions and processes on them are cut; running and queued Slurm jobs are not affected (guide L3884).", text);
    }

    [Fact]
    public void For_IdleTemplateDrivenGroup_NamesTheNewVersionAndTheQuota()
    {
        var text = UpdateDisruption.For(false, 0, ImageChanges.NewLaunchTemplateVersion, "lt-1", 4);

        Assert.Equal("No instance runs: instances launched after the update use the new image (guide L2659). Creates version 5 of launch template lt-1: every update adds one, and EC2 caps versions per template (guide L10924-10934).", text);
    }
}
