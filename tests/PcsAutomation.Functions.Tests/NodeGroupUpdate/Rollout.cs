using PcsAutomation.Domain.Ami;
using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.NodeGroupUpdate;
using PcsAutomation.Functions.Tests.Support;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.Functions.Tests.NodeGroupUpdate;

/// <summary>
/// The roll-out's scenario and steps: a managed Slurm 25.05 cluster with a group whose amiId gives its image
/// (<c>compute-a</c>, 2 static nodes), a template-driven group (<c>compute-b</c>, launch template <c>compute-lt</c>
/// version 1, 1 node), both in queue <c>q</c>, and a login group in no queue (<c>login</c>, 1 node).
/// </summary>
internal static class Rollout
{
    public const string OldAmi = "ami-0000000000000000a";
    public const string NewAmi = "ami-0000000000000000b";
    public const string NewerSlurmAmi = "ami-0000000000000000c";
    public const string Run1 = HandlerHarness.ExecutionArn;

    private static readonly Dictionary<string, string> Holds2505 = new() { [AmiSlurmVersions.TagKey] = "25.05" };

    /// <param name="newAmiBroken">The new image's instances never register and shut themselves down after 600 s.</param>
    public static Scenario Cluster(bool newAmiBroken = false)
    {
        var scenario = Scenario.Empty()
            .WithImage("team-pcs-v1", id: OldAmi, created: "-30d", tags: Holds2505)
            .WithImage("team-pcs-v2", id: NewAmi, created: "-1d", tags: Holds2505, broken: newAmiBroken)
            .WithImage("team-pcs-2511", id: NewerSlurmAmi, created: "-1h", tags: new Dictionary<string, string> { [AmiSlurmVersions.TagKey] = "25.11" })
            .WithLaunchTemplate("compute-lt", new LaunchTemplateVersionDefinition { ImageId = OldAmi })
            .AndCluster("demo")
            .WithTag("pcs-automation:managed", "true")
            .WithNodeGroup("compute-a", min: 2, max: 4)
            .WithNodeGroup("compute-b", min: 1, max: 2, launchTemplate: "compute-lt")
            .WithNodeGroup("login", min: 1, max: 1)
            .WithQueue("q", "compute-a", "compute-b");
        foreach (var group in scenario.Build().Clusters[0].NodeGroups.Where(g => g.Name is "compute-a" or "login"))
            group.AmiId = OldAmi;
        return scenario;
    }

    /// <summary>The harness on <see cref="Cluster"/>, five minutes in (every node booted).</summary>
    public static async Task<HandlerHarness> StartAsync(Scenario? scenario = null)
    {
        var h = await HandlerHarness.StartAsync(scenario ?? Cluster());
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(5));
        return h;
    }

    public static Task<NodeGroupUpdatePlan> PlanAsync(HandlerHarness h, object? target = null, bool dryRun = false, string? replacement = null) =>
        h.InvokeAsync<NodeGroupUpdatePlan>("PlanNodeGroupUpdate", new { clusterId = "demo", target = target ?? new { amiId = NewAmi }, dryRun, replacement });

    public static Task<AcquireClusterLeaseResult> AcquireAsync(HandlerHarness h, string executionArn = Run1) =>
        h.InvokeAsync<AcquireClusterLeaseResult>("AcquireClusterLease", new { clusterId = h.ClusterId(), executionArn, workflow = WorkflowKind.NodeGroupUpdate.Name });

    public static Task<UpdateNodeGroupResult> UpdateAsync(HandlerHarness h, PlannedGroupUpdate group) =>
        h.InvokeAsync<UpdateNodeGroupResult>("UpdateNodeGroup", new { clusterId = h.ClusterId(), executionArn = Run1, group });

    public static Task<CheckNodeGroupUpdatedResult> CheckAsync(HandlerHarness h, string groupName, string? replacement = null, int? maxWaitSeconds = null) =>
        h.InvokeAsync<CheckNodeGroupUpdatedResult>("CheckNodeGroupUpdated",
            new { clusterId = h.ClusterId(), executionArn = Run1, nodeGroupId = h.NodeGroupId(groupName), replacement, maxWaitSeconds });

    public static PlannedGroupUpdate Group(NodeGroupUpdatePlan plan, string name) =>
        (plan.Canary is { } canary ? [canary, .. plan.Remaining] : plan.Remaining).Single(g => g.NodeGroupName == name);

    /// <summary>A group's image settings as the emulator holds them.</summary>
    public static (string? AmiId, string TemplateVersion, string Status) Settings(HandlerHarness h, string groupName)
    {
        lock (h.Aws.State.Gate)
        {
            var group = h.Aws.State.FindCluster("demo")!.FindNodeGroup(groupName)!;
            return (group.AmiId, group.LaunchTemplateVersion, group.Status);
        }
    }

    /// <summary>The group's up instances (read from the emulator's world, never through the product).</summary>
    public static IReadOnlyList<Ec2Instance> Instances(HandlerHarness h, string groupName)
    {
        var id = h.NodeGroupId(groupName);
        lock (h.Aws.State.Gate)
            return [.. h.Aws.State.InstancesOfNodeGroup(id).Where(i => i.IsUp)];
    }

    /// <summary>Mutating calls in the emulator's call log after the first <paramref name="since"/> calls (the harness's own setup calls come first).</summary>
    public static IReadOnlyList<string> MutatingCalls(HandlerHarness h, int since) =>
        [.. h.Aws.Calls.Calls.Skip(since).Select(c => c.Operation).Where(o => o.StartsWith("Create", StringComparison.Ordinal) || o.StartsWith("Update", StringComparison.Ordinal)
            || o.StartsWith("Delete", StringComparison.Ordinal) || o.StartsWith("Put", StringComparison.Ordinal) || o.StartsWith("Register", StringComparison.Ordinal))];
}
