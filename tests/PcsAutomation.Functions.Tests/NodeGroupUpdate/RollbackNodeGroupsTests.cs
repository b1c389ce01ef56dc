using PcsAutomation.Functions.NodeGroupUpdate;
using static PcsAutomation.Functions.Tests.NodeGroupUpdate.Rollout;

namespace PcsAutomation.Functions.Tests.NodeGroupUpdate;

/// <summary>RollbackNodeGroups against the emulator: back to the lease's saved amiId and template version.</summary>
public class RollbackNodeGroupsTests
{
    private static Task<RollbackNodeGroupsResult> RollbackAsync(Support.HandlerHarness h, int attempt = 0) =>
        h.InvokeAsync<RollbackNodeGroupsResult>("RollbackNodeGroups", new { clusterId = h.ClusterId(), executionArn = Run1, attempt });

    [Fact]
    public async Task RollbackNodeGroups_AfterAFailedRollout_RestoresThePreviousImageAndVersion()
    {
        await using var h = await StartAsync();
        var plan = await PlanAsync(h);
        await AcquireAsync(h);
        await UpdateAsync(h, Group(plan, "compute-a"));
        await UpdateAsync(h, Group(plan, "compute-b"));
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal((NewAmi, "2"), (Settings(h, "compute-a").AmiId, Settings(h, "compute-b").TemplateVersion));

        var first = await RollbackAsync(h);
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await RollbackAsync(h, first.Attempt);

        Assert.False(first.RolledBack);
        Assert.Equal(new[] { h.NodeGroupId("compute-a"), h.NodeGroupId("compute-b") }.Order(StringComparer.Ordinal), first.Updated.Order(StringComparer.Ordinal));
        Assert.True(second.RolledBack);
        Assert.Empty(second.Updated);
        Assert.Equal((OldAmi, "1", "ACTIVE"), Settings(h, "compute-a"));
        Assert.Equal((null, "1", "ACTIVE"), Settings(h, "compute-b"));
        Assert.Equal((OldAmi, "1"), (Settings(h, "login").AmiId, Settings(h, "login").TemplateVersion)); // never changed, never touched
        Assert.Equal(2, Instances(h, "compute-a").Count);
        Assert.All(Instances(h, "compute-a"), i => Assert.Equal(OldAmi, i.ImageId)); // the emulator replaced the idle nodes again
        Assert.Equal(2, second.Changes.Count);
    }

    [Fact]
    public async Task RollbackNodeGroups_NothingChanged_IsRolledBackWithoutACall()
    {
        await using var h = await StartAsync();
        await AcquireAsync(h);
        var since = h.Aws.Calls.Calls.Count;

        var result = await RollbackAsync(h);

        Assert.True(result.RolledBack);
        Assert.Empty(result.Changes);
        Assert.Empty(MutatingCalls(h, since));
    }
}
