using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Faults;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.Workflows.Tests.Support;
using static PcsAutomation.Workflows.Tests.CapacityBlocks.ExpiryStack;

namespace PcsAutomation.Workflows.Tests.CapacityBlocks;

/// <summary>
/// The expiry's triggers on the deployed template (issue 11, item 2): the 15-minute schedule starts each block's expiry
/// once, EC2's events only confirm or catch up (capacity-blocks-monitor.html: best effort). The <c>capacity</c> scenario:
/// <see cref="ExpiringA"/> ends at +3h, so EC2 warns at +2h20.
/// </summary>
public class CapacityBlockTriggerWorkflowTests
{
    private const string Warning = "Capacity Block Expiration Warning";

    /// <summary>The stack with its triggers on; the router's outputs recorded; <paramref name="reconcilerDown"/> makes every scheduled run fail.</summary>
    private static async Task<(DeployedStack Stack, List<JsonNode> Routed)> StartAsync(ScenarioDefinition scenario, bool reconcilerDown = false)
    {
        var routed = new List<JsonNode>();
        var wrap = new Dictionary<string, Func<FunctionCall, FunctionCall>>(StringComparer.Ordinal)
        {
            ["CapacityBlockEventRouterFunction"] = next => async (payload, token) =>
            {
                var output = await next(payload, token);
                lock (routed) routed.Add(JsonNode.Parse(output)!);
                return output;
            },
        };
        if (reconcilerDown)
            wrap["CapacityBlockReconcilerFunction"] = _ => (_, _) => throw new InvalidOperationException("the reconciler is down (test)");
        return (await ExpiryStack.StartAsync(scenario, wrap, triggers: true), routed);
    }

    private static List<JsonNode> Of(List<JsonNode> routed, string reservationId)
    {
        lock (routed) return [.. routed.Where(r => (string?)r["reservationId"] == reservationId)];
    }

    private static IReadOnlyList<States.Runtime.Execution> ExpiriesOf(DeployedStack stack, string reservationId) =>
        [.. stack.ExecutionsOf(DeployedStack.CapacityBlockExpiryStateMachine).Where(e => e.Name == $"expire-{reservationId}-{EndOf(stack, reservationId):yyyyMMdd'T'HHmmss}")];

    private static DateTimeOffset WarningOf(DeployedStack stack, string reservationId) => EndOf(stack, reservationId) - TimeSpan.FromMinutes(40);

    [Fact] // events are best effort: the schedule is the trigger that never misses
    public async Task Schedule_ExpirationWarningLost_TheReconcilerStartedTheExpiryOnceAnyway()
    {
        var (stack, routed) = await StartAsync(Capacity());
        await using var _ = stack;
        stack.Aws.Faults.Add(new EventFaultRule("aws.ec2", Warning) { Lose = true });

        await RunUntilAsync(stack, WarningOf(stack, ExpiringA) + TimeSpan.FromMinutes(1));

        var expiry = Assert.Single(ExpiriesOf(stack, ExpiringA));
        Assert.Equal("schedule", (string?)JsonNode.Parse(expiry.Input)!["trigger"]);
        Assert.Contains(stack.Aws.Faults.EventFaults, f => f.DetailType == Warning && f.Fate.Lost);
        Assert.Empty(Of(routed, ExpiringA));
        Assert.True(expiry.StartDate < stack.Aws.Clock.GetUtcNow() - TimeSpan.FromHours(2), $"started at {expiry.StartDate:O}: the first scheduled run, hours before the warning");
    }

    [Fact] // EventBridge delivers at least once, and EC2 spells the warning two ways: the copy and the original find the schedule's execution
    public async Task Events_WarningDeliveredTwiceInTheOtherSpelling_NoSecondExecution()
    {
        var scenario = Capacity();
        scenario.CapacityBlockEventNames = "pcs-guide";
        var (stack, routed) = await StartAsync(scenario);
        await using var _ = stack;
        stack.Aws.Faults.Add(new EventFaultRule("aws.ec2", "Capacity Block Reservation Expiration Warning") { Duplicates = 1 });

        await RunUntilAsync(stack, WarningOf(stack, ExpiringA) + TimeSpan.FromMinutes(1));

        var outputs = Of(routed, ExpiringA);
        Assert.Equal(2, outputs.Count);
        Assert.All(outputs, o => Assert.Equal(("catch-up", false), ((string?)o["action"], (bool?)o["started"])));
        var expiry = Assert.Single(ExpiriesOf(stack, ExpiringA));
        Assert.Equal(expiry.Name, (string?)outputs[0]["executionName"]);
        Assert.Equal("schedule", (string?)JsonNode.Parse(expiry.Input)!["trigger"]);
    }

    [Fact] // the schedule failing every run, the warning catches the expiry up: same name, the event's detail-type as the trigger
    public async Task Events_ReconcilerDown_TheWarningStartsTheExpiry()
    {
        var (stack, routed) = await StartAsync(Capacity(), reconcilerDown: true);
        await using var _ = stack;

        await RunUntilAsync(stack, WarningOf(stack, ExpiringA) + TimeSpan.FromMinutes(1));

        var output = Assert.Single(Of(routed, ExpiringA));
        Assert.Equal(("catch-up", true), ((string?)output["action"], (bool?)output["started"]));
        var expiry = Assert.Single(ExpiriesOf(stack, ExpiringA));
        Assert.Equal(Warning, (string?)JsonNode.Parse(expiry.Input)!["trigger"]);
        Assert.DoesNotContain(stack.ExecutionsOf(DeployedStack.CapacityBlockExpiryStateMachine), e => e.Name.Contains(ExpiringB, StringComparison.Ordinal)); // no event for B yet
    }

    [Fact] // the rule: source aws.ec2 and the five documented detail-types, nothing else
    public async Task EventRule_FiveCapacityBlockDetailTypes_ReachTheRouterAndNothingElse()
    {
        var (stack, _) = await StartAsync(Capacity());
        await using var __ = stack;
        string[] ours =
        [
            "Capacity Block Delivered", "Capacity Block Reservation Delivered", "Capacity Block Expiration Warning",
            "Capacity Block Reservation Expiration Warning", "EC2 Capacity Reservation Instance Interruption Warning",
        ];
        (string Source, string DetailType)[] others =
        [
            ("aws.ec2", "EC2 Spot Instance Interruption Warning"), ("aws.ec2", "EC2 Instance State-change Notification"),
            ("aws.ec2", "capacity block delivered"), ("aws.ec2", "Capacity Block"), ("aws.pcs", "Capacity Block Delivered"),
            ("pcs-automation", "Capacity Block Expiration Warning"),
        ];

        var delivered = ours.ToDictionary(d => d, d => RouterDeliveries(stack, "aws.ec2", d), StringComparer.Ordinal);
        var refused = others.Select(o => RouterDeliveries(stack, o.Source, o.DetailType)).ToList();
        // the router answers each one (its reads and starts on the virtual clock) before the stack goes
        Assert.True(await stack.Aws.RunUntilAsync(() => RouterResults(stack) == ours.Length, TimeSpan.FromMinutes(10)), $"{RouterResults(stack)} of {ours.Length} events handled");

        Assert.All(delivered, d => Assert.True(d.Value == 1, $"{d.Key}: {d.Value} deliveries to the router"));
        Assert.All(refused, r => Assert.Equal(0, r));
    }

    private static int RouterResults(DeployedStack stack) =>
        stack.Aws.DeliveryResults.Count(r => r.Delivery.Target.Arn.EndsWith(":CapacityBlockEventRouterFunction", StringComparison.Ordinal));

    /// <summary>Publishes one event on the default bus as EC2 would; how many deliveries to the router it made.</summary>
    private static int RouterDeliveries(DeployedStack stack, string source, string detailType)
    {
        var before = stack.Aws.Deliveries.Count(d => d.Target.Arn.EndsWith(":CapacityBlockEventRouterFunction", StringComparison.Ordinal));
        var envelope = stack.Aws.Events.Envelope(source, detailType, new JsonObject { ["capacity-reservation-id"] = ExpiringA, ["end-date"] = Iso(EndOf(stack, ExpiringA)) },
            [$"arn:aws:ec2:us-east-1:111122223333:capacity-reservation/{ExpiringA}"], stack.Aws.Clock.GetUtcNow());
        stack.Aws.Events.Publish(envelope);
        return stack.Aws.Deliveries.Count(d => d.Target.Arn.EndsWith(":CapacityBlockEventRouterFunction", StringComparison.Ordinal)) - before;
    }
}
