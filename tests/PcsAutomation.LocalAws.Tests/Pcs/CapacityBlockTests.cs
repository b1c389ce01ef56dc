using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.Pcs;

public class CapacityBlockTests
{
    private static Scenario BlockScenario(string instanceType, int count = 4, string start = "+1h", string end = "+1d", int max = 4) =>
        Scenario.Cluster("c")
            .WithCapacityBlock("block", instanceType, count, start, end)
            .WithLaunchTemplate("gpu-lt", new LaunchTemplateVersionDefinition { InstanceType = instanceType, CapacityBlock = "block", ImageId = "ami-0gpu" })
            .WithNodeGroup("gpu", 0, max, instanceType, demand: max, launchTemplate: "gpu-lt", purchaseOption: "CAPACITY_BLOCK");

    [Fact] // guide L3416, L3504-3563: no instances while the block is only scheduled; they come when it is active
    public void CapacityBlockGroup_BeforeAndAfterStart_InstancesOnlyWhileActive()
    {
        var account = new TestAccount(BlockScenario("p5.48xlarge"));

        account.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, account.UpInstances("c", "gpu"));

        account.Advance(TimeSpan.FromMinutes(40));
        Assert.Equal(4, account.RunningInstances("c", "gpu"));
        Assert.All(account.Aws.State.InstancesOfNodeGroup(account.Group("c", "gpu").Id),
            i => Assert.Equal("capacity-block", i.InstanceLifecycle));
    }

    [Theory] // guide L3419-3427 and the EC2 Capacity Blocks docs: terminated 30 min before the end (60 for UltraServers)
    [InlineData("p5.48xlarge", 30)]
    [InlineData("p6e-gb200.36xlarge", 60)]
    public void CapacityBlockGroup_NearEnd_InstancesTerminatedAheadOfExpiry(string instanceType, int leadMinutes)
    {
        var account = new TestAccount(BlockScenario(instanceType, start: "+0m", end: "+10h"));
        var end = account.Aws.Clock.GetUtcNow().AddHours(10);
        account.Advance(TimeSpan.FromHours(1));
        Assert.Equal(4, account.RunningInstances("c", "gpu"));

        account.Aws.Clock.AdvanceTo(end.AddMinutes(-leadMinutes - 1));
        Assert.Equal(4, account.UpInstances("c", "gpu"));
        account.Aws.Clock.AdvanceTo(end.AddMinutes(-leadMinutes));

        Assert.Equal(0, account.UpInstances("c", "gpu"));
        Assert.Equal("ACTIVE", account.Group("c", "gpu").Status); // guide L3423: the node group survives, empty
    }

    [Fact] // guide L3472-3476: an extension moves the end; instances keep running until the new end
    public void CapacityBlockGroup_Extended_InstancesKeepRunningPastOldEnd()
    {
        var account = new TestAccount(BlockScenario("p5.48xlarge", start: "+0m", end: "+10h"));
        var blockId = account.Aws.State.CapacityBlocks.Keys.Single();
        account.Advance(TimeSpan.FromHours(1));

        account.Aws.Scenarios.ExtendCapacityBlock(blockId, account.Aws.Clock.GetUtcNow().AddDays(2));
        account.Advance(TimeSpan.FromHours(10));

        Assert.Equal(4, account.RunningInstances("c", "gpu"));
    }

    [Fact] // guide L3440-3464: maxInstanceCount must not exceed the block size
    public void CreateComputeNodeGroup_MaxAboveBlockSize_ValidationException()
    {
        var account = new TestAccount(BlockScenario("p5.48xlarge", count: 2, max: 2));
        var templateId = account.Aws.State.LaunchTemplates.Values.Single().LaunchTemplateId;

        var request = TestAccount.NodeGroupRequest("c", "gpu-two", 0, 3, ",\"purchaseOption\":\"CAPACITY_BLOCK\"")
            .Replace("lt-0123456789abcdef0", templateId, StringComparison.Ordinal)
            .Replace("c6i.xlarge", "p5.48xlarge", StringComparison.Ordinal);

        var error = account.PcsError("CreateComputeNodeGroup", request);

        Assert.Equal("ValidationException", error.Code);
        Assert.Contains("exceeds the Capacity Block size", error.Message, StringComparison.Ordinal);
    }
}
