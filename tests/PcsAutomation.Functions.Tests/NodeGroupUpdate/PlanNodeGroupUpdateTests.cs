using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Functions.NodeGroupUpdate;
using PcsAutomation.Functions.Tests.Support;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.LocalAws.Scenarios;
using static PcsAutomation.Functions.Tests.NodeGroupUpdate.Rollout;

namespace PcsAutomation.Functions.Tests.NodeGroupUpdate;

/// <summary>PlanNodeGroupUpdate against the emulator: what it reads, the plan, the refusals, and that it changes nothing.</summary>
public class PlanNodeGroupUpdateTests
{
    private static readonly string[] Gpu = ["gpu"];

    [Fact]
    public async Task PlanNodeGroupUpdate_AmiTarget_PlansAmiIdAndTemplateGroupsLoginLast()
    {
        await using var h = await StartAsync();

        var plan = await PlanAsync(h);

        Assert.Equal((h.ClusterId(), "demo", "25.05", $"amiId {NewAmi}"), (plan.ClusterId, plan.ClusterName, plan.ClusterSlurmVersion, plan.Target));
        Assert.Equal("compute-b", plan.Canary!.NodeGroupName); // the compute group with the fewest running nodes (1)
        Assert.Equal(["compute-a", "login"], plan.Remaining.Select(g => g.NodeGroupName));
        var a = Group(plan, "compute-a");
        Assert.Equal((ImageChanges.AmiId, OldAmi, NewAmi, 2, false), (a.Change, a.From, a.To, a.InstancesRunning, a.IsLogin));
        var b = Group(plan, "compute-b");
        Assert.Equal((ImageChanges.NewLaunchTemplateVersion, "1", OldAmi, NewAmi), (b.Change, b.From, b.CurrentImageId, b.ExpectedImageId));
        Assert.Contains("Creates version 2 of launch template", b.Disruption, StringComparison.Ordinal);
        var login = Group(plan, "login");
        Assert.True(login.IsLogin); // in no queue
        Assert.Contains("interactive sessions", login.Disruption, StringComparison.Ordinal);
        Assert.Equal([[h.NodeGroupId("compute-a")], [h.NodeGroupId("login")]], plan.Batches);
    }

    [Fact]
    public async Task PlanNodeGroupUpdate_DryRun_MakesNoMutatingCall()
    {
        await using var h = await StartAsync();
        var since = h.Aws.Calls.Calls.Count;

        var plan = await PlanAsync(h, dryRun: true);

        Assert.True(plan.DryRun);
        Assert.NotNull(plan.Canary);
        Assert.Contains(h.Aws.Calls.Calls.Skip(since), c => c.Operation == "DescribeInstances"); // it did read
        Assert.Empty(MutatingCalls(h, since));
        Assert.Equal((OldAmi, "1"), (Settings(h, "compute-a").AmiId, Settings(h, "compute-b").TemplateVersion));
    }

    [Fact]
    public async Task PlanNodeGroupUpdate_ChannelTarget_LooksTheNewestUpPerArchitecture()
    {
        await using var h = await StartAsync();

        var plan = await PlanAsync(h, new { channel = "custom:team-pcs-v*" });

        Assert.Equal("channel custom:team-pcs-v* (owner self)", plan.Target);
        Assert.All([plan.Canary!, .. plan.Remaining], g => Assert.Equal(NewAmi, g.ExpectedImageId));
    }

    [Fact]
    public async Task PlanNodeGroupUpdate_AmiWithOnlyANewerSlurm_IsTargetIncompatibleNamingTheRule()
    {
        await using var h = await StartAsync();

        var e = await Assert.ThrowsAsync<TargetIncompatible>(() => PlanAsync(h, new { amiId = NewerSlurmAmi }));

        Assert.Contains("slurm-version (guide L6559)", e.Message, StringComparison.Ordinal);
        Assert.Contains("all newer than the cluster's 25.05", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanNodeGroupUpdate_EndOfLifeSlurm_IsTargetEndOfLife()
    {
        var scenario = Scenario.Empty()
            .WithImage("team-pcs-2411", id: OldAmi, created: "-1d", tags: new Dictionary<string, string> { ["pcs-automation:slurm-versions"] = "24.11" })
            .AndCluster("demo", slurmVersion: "24.11").WithTag("pcs-automation:managed", "true").WithNodeGroup("compute-a", min: 0, max: 2);
        await using var h = await HandlerHarness.StartAsync(scenario, start: new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

        var e = await Assert.ThrowsAsync<TargetEndOfLife>(() => PlanAsync(h, new { amiId = OldAmi }));

        Assert.Contains("reached its PCS end of life on 2026-05-31", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanNodeGroupUpdate_UnknownGroup_IsUnknownNodeGroup()
    {
        await using var h = await StartAsync();

        var e = await Assert.ThrowsAsync<UnknownNodeGroup>(() =>
            h.InvokeAsync<NodeGroupUpdatePlan>("PlanNodeGroupUpdate", new { clusterId = "demo", target = new { amiId = NewAmi }, nodeGroups = Gpu }));

        Assert.Contains("'gpu'", e.Message, StringComparison.Ordinal);
        Assert.Contains("compute-a, compute-b, login", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"clusterId":"demo"}""", "target")]
    [InlineData("""{"clusterId":"demo","target":{"amiId":"ami-1"}}""", "target.amiId")]
    [InlineData("""{"clusterId":"demo","target":{"amiId":"ami-0000000000000000b"},"batchSize":0}""", "batchSize")]
    [InlineData("""{"target":{"amiId":"ami-0000000000000000b"}}""", "clusterId")]
    public async Task PlanNodeGroupUpdate_BadInput_IsInvalidWorkflowInputNamingTheField(string payload, string field)
    {
        await using var h = await StartAsync();
        var since = h.Aws.Calls.Calls.Count;

        var e = await Assert.ThrowsAsync<InvalidWorkflowInput>(() => h.InvokeRawAsync("PlanNodeGroupUpdate", payload));

        Assert.StartsWith($"{field}: ", e.Message, StringComparison.Ordinal);
        Assert.Empty(h.Aws.Calls.Calls.Skip(since)); // refused before any call
    }

    [Fact]
    public async Task PlanNodeGroupUpdate_UnmanagedCluster_IsClusterNotManaged()
    {
        await using var h = await HandlerHarness.StartAsync(Scenario.Cluster("demo").WithNodeGroup("compute-a", min: 0, max: 2));

        await Assert.ThrowsAsync<ClusterNotManaged>(() => PlanAsync(h));
    }
}
