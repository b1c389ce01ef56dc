using System.Text.Json;
using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Workflows;
using static PcsAutomation.Functions.Tests.NodeGroupUpdate.Rollout;

namespace PcsAutomation.Functions.Tests.NodeGroupUpdate;

/// <summary>UpdateNodeGroup against the emulator: the lease records first, client tokens, template versions, the lease's refusal.</summary>
public class UpdateNodeGroupTests
{
    private static List<NodeGroupChange> SavedChanges(Support.HandlerHarness h) =>
        JsonSerializer.Deserialize<List<NodeGroupChange>>(h.Lease(h.ClusterId())!["savedImages"], Support.HandlerHarness.Json)!;

    private static List<string?> UpdateTokens(Support.HandlerHarness h) =>
        [.. h.Aws.CloudTrail.Events.Select(e => e["detail"]!)
            .Where(d => d["eventName"]?.GetValue<string>() == "UpdateComputeNodeGroup")
            .Select(d => d["requestParameters"]?["clientToken"]?.GetValue<string>())];

    [Fact]
    public async Task UpdateNodeGroup_AmiIdGroup_SavesThePreviousAmiInTheLeaseThenUpdatesWithAClientToken()
    {
        await using var h = await StartAsync();
        var plan = await PlanAsync(h);
        await AcquireAsync(h);

        var result = await UpdateAsync(h, Group(plan, "compute-a"));

        var id = h.NodeGroupId("compute-a");
        var saved = Assert.Single(SavedChanges(h));
        Assert.Equal(new NodeGroupImage(id, "compute-a", OldAmi, saved.Previous.LaunchTemplateId, "1"), saved.Previous);
        Assert.Equal((ImageChanges.AmiId, NewAmi, NewAmi), (saved.Change, saved.TargetAmiId, saved.ExpectedImageId));
        Assert.Equal((NewAmi, "1"), (result.AmiId, result.LaunchTemplateVersion));
        Assert.Equal((NewAmi, "1", "UPDATING"), Settings(h, "compute-a"));
        Assert.Equal([ClientTokens.For(Run1, "update-node-group", id)], UpdateTokens(h));
    }

    [Fact]
    public async Task UpdateNodeGroup_RetriedStep_IsTheSameRequestAndKeepsTheFirstSavedSettings()
    {
        await using var h = await StartAsync();
        var plan = await PlanAsync(h);
        await AcquireAsync(h);
        await UpdateAsync(h, Group(plan, "compute-a"));
        h.Aws.Clock.Advance(TimeSpan.FromSeconds(30)); // still UPDATING: a second, different update would be a ConflictException

        var retry = await UpdateAsync(h, Group(plan, "compute-a"));

        Assert.Equal(OldAmi, Assert.Single(SavedChanges(h)).Previous.AmiId); // never the amiId the first run set
        Assert.Equal(OldAmi, retry.Change.Previous.AmiId);
        var tokens = UpdateTokens(h);
        Assert.Equal(2, tokens.Count);
        Assert.Single(tokens.Distinct());
        Assert.Equal((NewAmi, "UPDATING"), (Settings(h, "compute-a").AmiId, Settings(h, "compute-a").Status));
    }

    [Fact]
    public async Task UpdateNodeGroup_TemplateDrivenGroup_CreatesOneVersionWithTheNewImageAndBindsIt()
    {
        await using var h = await StartAsync();
        var plan = await PlanAsync(h);
        await AcquireAsync(h);

        var first = await UpdateAsync(h, Group(plan, "compute-b"));
        var retry = await UpdateAsync(h, Group(plan, "compute-b"));

        Assert.Equal(("2", "2"), (first.LaunchTemplateVersion, retry.LaunchTemplateVersion));
        Assert.Null(first.AmiId);
        Assert.Equal((null, "2"), (Settings(h, "compute-b").AmiId, Settings(h, "compute-b").TemplateVersion));
        lock (h.Aws.State.Gate)
        {
            var template = h.Aws.State.LaunchTemplates.Values.Single(t => t.LaunchTemplateName == "compute-lt");
            Assert.Equal([OldAmi, NewAmi], template.Versions.Select(v => v.ImageId)); // one version, not two
        }
        Assert.Equal("1", Assert.Single(SavedChanges(h)).Previous.LaunchTemplateVersion);
    }

    [Fact]
    public async Task UpdateNodeGroup_RotationHoldsTheLease_IsRefusedWithoutAnyChange()
    {
        await using var h = await StartAsync();
        var plan = await PlanAsync(h);
        h.PutLease(h.ClusterId(), Support.HandlerHarness.OtherExecutionArn); // a rotation's lease (workflow cluster-secret-rotation)
        var since = h.Aws.Calls.Calls.Count;

        var held = await Assert.ThrowsAsync<LeaseHeld>(() => AcquireAsync(h));
        var lost = await Assert.ThrowsAsync<LeaseLost>(() => UpdateAsync(h, Group(plan, "compute-a")));

        Assert.Contains("(cluster-secret-rotation)", held.Message, StringComparison.Ordinal);
        Assert.Contains("(cluster-secret-rotation)", lost.Message, StringComparison.Ordinal);
        Assert.Empty(MutatingCalls(h, since));
        Assert.Equal(OldAmi, Settings(h, "compute-a").AmiId);
        Assert.False(h.Lease(h.ClusterId())!.ContainsKey("savedImages"));
    }

    [Fact]
    public async Task UpdateNodeGroup_MissingGroup_IsInvalidWorkflowInput()
    {
        await using var h = await StartAsync();
        await AcquireAsync(h);

        var e = await Assert.ThrowsAsync<InvalidWorkflowInput>(() => h.InvokeRawAsync("UpdateNodeGroup", $$"""{"clusterId":"{{h.ClusterId()}}","executionArn":"{{Run1}}"}"""));

        Assert.StartsWith("group is required", e.Message, StringComparison.Ordinal);
    }
}
