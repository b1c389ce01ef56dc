using System.Text.Json.Nodes;
using PcsAutomation.Functions.Tests.Support;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.States.Runtime;

namespace PcsAutomation.Functions.Tests.NodeGroupUpdate;

/// <summary>
/// The AMI triggers' scenario: <see cref="Rollout.Cluster"/> (every group on <see cref="Rollout.OldAmi"/>) tagged with the
/// channel <see cref="Channel"/>, whose newest image for Slurm 25.05 is <see cref="Rollout.NewAmi"/>, and an
/// <c>ami-update</c> mode; the roll-out and notice state machines as stand-ins that record their executions.
/// </summary>
internal static class AmiTriggers
{
    public const string Channel = "custom:team-pcs-*";
    public const string RolloutMachine = "NodeGroupUpdateStateMachine";
    public const string NoticeMachine = "RotationNoticeStateMachine";

    /// <summary>Sunday 01:00 UTC: the default window (sun:02:00-sun:06:00) opens in an hour.</summary>
    public static readonly DateTimeOffset BeforeWindow = new(2026, 1, 4, 1, 0, 0, TimeSpan.Zero);

    /// <summary>A compatible image (Slurm 25.05) outside the channel: its name does not match <see cref="Channel"/>.</summary>
    public const string OtherAmi = "ami-0000000000000000d";

    public static Scenario Cluster(string? mode, string channel = Channel, bool newAmiBroken = false)
    {
        var scenario = Rollout.Cluster(newAmiBroken)
            .WithImage("other-team-pcs", id: OtherAmi, created: "-2d", tags: new Dictionary<string, string> { ["pcs-automation:slurm-versions"] = "25.05" })
            .WithTag("pcs-automation:ami-channel", channel);
        return mode is null ? scenario : scenario.WithTag("pcs-automation:ami-update", mode);
    }

    /// <summary>The harness at <paramref name="start"/> plus five minutes (every node booted), with both state machines.</summary>
    public static async Task<HandlerHarness> StartAsync(Scenario scenario, DateTimeOffset? start = null)
    {
        var h = await HandlerHarness.StartAsync(scenario, start: start ?? BeforeWindow);
        foreach (var name in (string[])[RolloutMachine, NoticeMachine])
        {
            h.CreateStandInStateMachine(name);
        }
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(5));
        return h;
    }

    /// <summary>The executions of one of the two state machines, oldest first.</summary>
    public static IReadOnlyList<Execution> Executions(HandlerHarness h, string machine) =>
        [.. h.Aws.StepFunctions.Engine.Executions.Where(e => e.StateMachineArn.EndsWith($":stateMachine:{machine}", StringComparison.Ordinal)).OrderBy(e => e.StartDate)];

    public static Task<JsonNode> ReconcileAsync(HandlerHarness h) => h.InvokeAsync("AmiUpdateReconciler", """
        {"version":"0","id":"cdc73f9d-aea9-11e3-9d5a-835b769c0d9c","detail-type":"Scheduled Event","source":"aws.events",
         "account":"111122223333","time":"2026-01-04T03:00:00Z","region":"us-east-1",
         "resources":["arn:aws:events:us-east-1:111122223333:rule/pcs-automation-ami-update-reconciler"],"detail":{}}
        """);
}
