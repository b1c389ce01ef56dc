using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PcsAutomation.Cli.Emulator;
using LocalAwsHost = PcsAutomation.LocalAws.LocalAws;

namespace PcsAutomation.Cli.Tests.Commands;

/// <summary>
/// <c>ami plan</c> and <c>update</c> as the README shows them: a scenario, template.yaml's NodeGroupUpdateStateMachine
/// and the product's handlers, in process, on the virtual clock.
/// </summary>
public sealed class RolloutTemplateTests : IDisposable
{
    private const string BrokenAmi = "ami-0badbadbadbadbad0";

    // A managed Slurm 25.05 cluster whose two static compute groups (guide L2550) take their image from a launch template, and an image
    // declaring Slurm 25.05 whose nodes never register (guide L11100-11107; the emulator shuts them down after 600 s).
    private const string BrokenScenario = """
        images:
          - name: team-pcs-broken
            id: ami-0badbadbadbadbad0
            created: -1d
            broken: true
            tags:
              pcs-automation:slurm-versions: "25.05"
        launchTemplates:
          - name: compute-lt
            versions:
              - imageId: ami-0aaaaaaaaaaaaaaa1
                instanceType: c6i.xlarge
        clusters:
          - name: demo
            slurmVersion: "25.05"
            tags:
              pcs-automation:managed: "true"
            nodeGroups:
              - name: compute-1
                min: 2
                max: 2
                instanceType: c6i.xlarge
                launchTemplate: compute-lt
              - name: compute-2
                min: 1
                max: 1
                instanceType: c6i.xlarge
                launchTemplate: compute-lt
            queues:
              - name: demo
                nodeGroups: [compute-1, compute-2]
        """;

    private readonly string brokenPath = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}"[..15] + ".yaml");

    public RolloutTemplateTests() => File.WriteAllText(brokenPath, BrokenScenario);

    public void Dispose() => File.Delete(brokenPath);

    private sealed record Run(CliOutcome Outcome, LocalAwsHost Aws, string WorldBefore);

    private static async Task<Run> RunAsync(params string[] args)
    {
        LocalAwsHost? aws = null;
        string? before = null;
        var run = await CliRun.PipedAsync(host => host with
        {
            StartEmulator = async (request, cancellationToken) =>
            {
                var session = await TemplateEmulator.StartAsync(request, cancellationToken);
                aws = session.Aws;
                before = World(aws);
                return session;
            },
        }, args);
        return new Run(run, aws!, before!);
    }

    /// <summary>Every resource of the emulator's world but its clock (what a change would show in).</summary>
    private static string World(LocalAwsHost aws)
    {
        var snapshot = aws.Snapshot();
        snapshot.Remove("time");
        return snapshot.ToJsonString();
    }

    private static IReadOnlyList<string> MutatingCalls(LocalAwsHost aws) =>
        [.. aws.CloudTrail.Events
            .Where(e => e["detail-type"]!.GetValue<string>() == "AWS API Call via CloudTrail")
            .Select(e => $"{e["detail"]!["eventSource"]}:{e["detail"]!["eventName"]}")];

    /// <summary>Each group's image (its amiId, else its launch template version's ImageId) and its up instances' images.</summary>
    private static Dictionary<string, (string Image, string[] Instances)> Images(LocalAwsHost aws)
    {
        lock (aws.State.Gate)
        {
            return aws.State.FindCluster("demo")!.NodeGroups.Values.ToDictionary(
                g => g.Name,
                g => (aws.Pcs.Fleet.ImageOf(g), aws.State.InstancesOfNodeGroup(g.Id).Where(i => i.IsUp).Select(i => i.ImageId).ToArray()),
                StringComparer.Ordinal);
        }
    }

    [Fact]
    public async Task AmiPlan_DemoScenario_EveryGroupToTheSampleAmiCanaryFirst()
    {
        var (run, aws, before) = await RunAsync("ami", "plan", "--cluster", "demo", "--emulator", "demo");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Text);
        Assert.Contains("target: channel sample (the default: the cluster has no pcs-automation:ami-channel tag)", run.Text, StringComparison.Ordinal);
        Assert.Matches(@"  canary    compute-1 \(pcs_\w+\), \d running", run.Text);
        Assert.Matches(@"  batch 1   gpu \(pcs_\w+\)", run.Text);
        Assert.Matches(@"  batch 2   login \(pcs_\w+\), a login group", run.Text);
        Assert.Matches(@"image       ami-0aaaaaaaaaaaaaaa1 → ami-[0-9a-f]{17}", run.Text);
        Assert.Contains("sample-ami-demonstration-only (guide L5522-5524)", run.Text, StringComparison.Ordinal);
        Assert.Equal(["states.amazonaws.com:StartExecution"], MutatingCalls(aws));
        Assert.Equal(before, World(aws));
    }

    [Fact]
    public async Task UpdateDryRun_DemoScenario_ThePlanAndNoChange()
    {
        var (run, aws, before) = await RunAsync("update", "--cluster", "demo", "--emulator", "demo", "--dry-run");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Text);
        Assert.Contains("  done     PlanNodeGroupUpdate (", run.Text, StringComparison.Ordinal);
        Assert.Contains("Roll-out plan (dry run)", run.Text, StringComparison.Ordinal);
        Assert.Contains("none (dry run)", run.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("AcquireClusterLease", run.Text, StringComparison.Ordinal);
        Assert.Equal(["states.amazonaws.com:StartExecution"], MutatingCalls(aws));
        Assert.Equal(before, World(aws));
    }

    [Fact]
    public async Task Update_DemoScenario_EveryGroupAndEveryInstanceOnTheNewImage()
    {
        var (run, aws, _) = await RunAsync("update", "--cluster", "demo", "--emulator", "demo");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Text);
        Assert.Contains("notified Starting: PCS AMI roll-out starting: demo", run.Text, StringComparison.Ordinal);
        Assert.Contains("notified Succeeded: PCS AMI roll-out done: demo", run.Text, StringComparison.Ordinal);
        // the grouped live view, as a log gets it: each group's wait for its new image on one line, no escape sequence
        Assert.Matches(@"\+1:01:45  waited   for the canary node group's new image: 2 → 0 on the old image, \d+ polls, 1h 01m", run.Text);
        Assert.Matches(@"  waited   for the node group's new image \(gpu\): ", run.Text);
        Assert.Matches(@"  waited   for the node group's new image \(login\): ", run.Text);
        Assert.Contains("  done     UpdateRemainingNodeGroups (", run.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("  entered  ", run.Text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Text);
        Assert.Contains("node groups updated (old → new image)", run.Text, StringComparison.Ordinal);
        var image = Regex.Match(run.Text, @"compute-1 \(pcs_\w+\): ami-0aaaaaaaaaaaaaaa1 → (ami-[0-9a-f]{17})").Groups[1].Value;
        Assert.StartsWith("ami-", image, StringComparison.Ordinal);
        Assert.Matches($@"gpu \(pcs_\w+\): ami-0ccccccccccccccc3 → {image}", run.Text);
        Assert.Matches($@"login \(pcs_\w+\): ami-0aaaaaaaaaaaaaaa1 → {image}", run.Text);
        var groups = Images(aws);
        Assert.Equal(["compute-1", "gpu", "login"], groups.Keys.Order(StringComparer.Ordinal));
        Assert.All(groups.Values, g => Assert.Equal(image, g.Image));
        Assert.NotEmpty(groups["compute-1"].Instances); // non-vacuity: demo keeps two compute nodes up
        Assert.All(groups.Values.SelectMany(g => g.Instances), i => Assert.Equal(image, i));
    }

    [Fact]
    public async Task Update_BrokenImageOnTheCanary_RolledBackAndTheReason()
    {
        var (run, aws, _) = await RunAsync("update", "--cluster", "demo", "--emulator", brokenPath, "--ami-id", BrokenAmi);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("notified Failed: PCS AMI roll-out failed: demo", run.Text, StringComparison.Ordinal);
        Assert.Contains("rolled back (verified)", run.Text, StringComparison.Ordinal);
        Assert.Matches($@"compute-1 \(pcs_\w+\): {BrokenAmi} back to ami-0aaaaaaaaaaaaaaa1 \(launch template lt-[0-9a-f]+ version 1\)", run.Text);
        Assert.Contains("NodeGroupUnhealthy", run.Text, StringComparison.Ordinal);
        Assert.Contains("registration-failed", run.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("compute-2 (pcs_", run.Text.Split("rolled back (verified)")[1], StringComparison.Ordinal); // the canary stopped it
        var images = Images(aws);
        Assert.Equal(["compute-1", "compute-2"], images.Keys.Order(StringComparer.Ordinal)); // non-vacuity
        Assert.All(images.Values, g => Assert.Equal("ami-0aaaaaaaaaaaaaaa1", g.Image));
    }
}
