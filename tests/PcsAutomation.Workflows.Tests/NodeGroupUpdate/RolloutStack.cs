using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.World;
using PcsAutomation.States.Runtime;
using PcsAutomation.Workflows.Tests.Support;

namespace PcsAutomation.Workflows.Tests.NodeGroupUpdate;

/// <summary>
/// The roll-out's scenario and what its tests read. A managed Slurm 25.05 cluster <c>demo</c> whose images come from
/// <c>amiId</c> (compute-a 2 static nodes, compute-c 1, compute-d none running, login 1 in no queue) or from launch
/// template <c>compute-lt</c> version 1 (compute-b, 1 node); two images tagged for Slurm 25.05, the old one in use and
/// the new one (optionally broken: its nodes never register), and one for Slurm 25.11.
/// </summary>
internal static class RolloutStack
{
    public const string OldAmi = "ami-0000000000000000a";
    public const string NewAmi = "ami-0000000000000000b";
    public const string Slurm2511Ami = "ami-0000000000000000c";
    public static readonly string[] ComputeGroups = ["compute-a", "compute-b", "compute-c", "compute-d"];

    public static Scenario Cluster(bool newAmiBroken = false, string slurmVersion = "25.05")
    {
        var holds = new Dictionary<string, string> { ["pcs-automation:slurm-versions"] = slurmVersion };
        var scenario = Scenario.Empty()
            .WithImage("team-pcs-v1", id: OldAmi, created: "-30d", tags: holds)
            .WithImage("team-pcs-v2", id: NewAmi, created: "-1d", tags: holds, broken: newAmiBroken)
            .WithImage("team-pcs-2511", id: Slurm2511Ami, created: "-1h", tags: new Dictionary<string, string> { ["pcs-automation:slurm-versions"] = "25.11" })
            .WithLaunchTemplate("compute-lt", new LaunchTemplateVersionDefinition { ImageId = OldAmi })
            .AndCluster("demo", slurmVersion: slurmVersion)
            .WithTag("pcs-automation:managed", "true")
            .WithNodeGroup("compute-a", min: 2, max: 4)
            .WithNodeGroup("compute-b", min: 1, max: 2, launchTemplate: "compute-lt")
            .WithNodeGroup("compute-c", min: 1, max: 1)
            .WithNodeGroup("compute-d", min: 0, max: 4)
            .WithNodeGroup("login", min: 1, max: 1)
            .WithQueue("q", ComputeGroups);
        foreach (var group in scenario.Build().Clusters[0].NodeGroups.Where(g => g.Name != "compute-b"))
            group.AmiId = OldAmi;
        return scenario;
    }

    /// <summary>The stack on <paramref name="scenario"/>, every node booted.</summary>
    public static async Task<DeployedStack> StartAsync(Scenario scenario, IReadOnlyDictionary<string, Func<FunctionCall, FunctionCall>>? wrap = null)
    {
        var stack = await DeployedStack.StartAsync(scenario, wrap);
        await stack.Aws.RunUntilIdleAsync(TimeSpan.FromMinutes(5));
        return stack;
    }

    /// <summary>StartExecution of the roll-out with <paramref name="target"/> (default: amiId NewAmi) and the other input fields given.</summary>
    public static string Start(DeployedStack stack, JsonObject? target = null, bool? dryRun = null, int? batchSize = null, string? canary = null, string? replacement = null)
    {
        var input = new JsonObject { ["clusterId"] = "demo", ["target"] = target ?? new JsonObject { ["amiId"] = NewAmi } };
        if (dryRun is { } d) input["dryRun"] = d;
        if (batchSize is { } b) input["batchSize"] = b;
        if (canary is not null) input["canary"] = canary;
        if (replacement is not null) input["replacement"] = replacement;
        return stack.StartExecution(DeployedStack.NodeGroupUpdateStateMachine, input);
    }

    /// <summary>Each group's (amiId, launch template version, status) by name, from the emulator's world.</summary>
    public static IReadOnlyDictionary<string, (string? AmiId, string TemplateVersion, string Status)> Groups(DeployedStack stack)
    {
        lock (stack.Aws.State.Gate)
        {
            return stack.Aws.State.FindCluster("demo")!.NodeGroups.Values.ToDictionary(
                g => g.Name, g => (g.AmiId, g.LaunchTemplateVersion, g.Status), StringComparer.Ordinal);
        }
    }

    /// <summary>The ImageId of every up instance of <paramref name="group"/>, from the emulator's world.</summary>
    public static IReadOnlyList<Ec2Instance> Instances(DeployedStack stack, string group)
    {
        lock (stack.Aws.State.Gate)
        {
            var id = stack.Aws.State.FindCluster("demo")!.FindNodeGroup(group)!.Id;
            return [.. stack.Aws.State.InstancesOfNodeGroup(id).Where(i => i.IsUp)];
        }
    }

    public static void AssertSucceeded(Execution execution) =>
        Assert.True(execution.Status == ExecutionStatus.Succeeded, $"{execution.Status} {execution.Error}: {execution.Cause}");
}
