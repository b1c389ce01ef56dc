using System.Text.Json.Nodes;
using static PcsAutomation.Functions.Tests.CapacityBlocks.CapacityBlockTriggers;

namespace PcsAutomation.Functions.Tests.CapacityBlocks;

public sealed class CapacityBlockEventRouterHandlerTests
{
    private const string Warning = "Capacity Block Expiration Warning";
    private const string Delivered = "Capacity Block Delivered";

    [Theory] // both spellings appear in AWS's documentation (capacity-blocks-monitor.html; guide L3500-3502)
    [InlineData("Capacity Block Expiration Warning")]
    [InlineData("Capacity Block Reservation Expiration Warning")]
    public async Task EventRouter_WarningTheReconcilerMissed_StartsTheReconcilersExecution(string detailType)
    {
        await using var h = await StartAsync();

        var output = await RouteAsync(h, Event(detailType, Soon));

        Assert.Equal(("catch-up", true), (output["action"]!.GetValue<string>(), output["started"]!.GetValue<bool>()));
        var execution = Assert.Single(Executions(h));
        Assert.Equal(ExpiryName(h, Soon), execution.Name);
        Assert.Equal(
            $$"""{"reservationId":"{{Soon}}","endDate":"2026-01-05T11:00:00Z","mode":"expire","trigger":"{{detailType}}","dryRun":false}""", execution.Input);
        var reconciled = await ReconcileAsync(h); // the schedule then finds it started: one execution
        Assert.Contains(reconciled["alreadyStarted"]!.AsArray(), s => s!["executionName"]!.GetValue<string>() == execution.Name);
        Assert.Single(Executions(h), e => e.Name == execution.Name);
    }

    [Fact] // EventBridge delivers at least once: the copy finds the name taken
    public async Task EventRouter_DuplicateWarning_OneExecution()
    {
        await using var h = await StartAsync();
        var warning = Event(Warning, Soon, id: "7bf73129-1428-4cd3-a780-95db273d1602");

        var first = await RouteAsync(h, warning);
        var second = await RouteAsync(h, (JsonObject)warning.DeepClone());

        Assert.True(first["started"]!.GetValue<bool>());
        Assert.Equal(("catch-up", false), (second["action"]!.GetValue<string>(), second["started"]!.GetValue<bool>()));
        Assert.Contains("was started already", second["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(Executions(h));
    }

    [Fact] // the schedule acted first: a late event reads the reservation, finds the execution, reads no cluster
    public async Task EventRouter_WarningAfterTheReconcilerStartedTheRun_NoOpWithoutReadingTheClusters()
    {
        await using var h = await StartAsync();
        await ReconcileAsync(h);
        h.Aws.Clock.Advance(TimeSpan.FromHours(2));
        var calls = h.Aws.Calls.Calls.Count;

        var output = await RouteAsync(h, Event(Warning, Soon));

        Assert.Equal(("catch-up", false), (output["action"]!.GetValue<string>(), output["started"]!.GetValue<bool>()));
        Assert.Equal(ExpiryName(h, Soon), output["executionName"]!.GetValue<string>());
        Assert.Equal(0, CallsSince(h, calls, "pcs"));
        Assert.Equal(2, Executions(h).Count); // the reconciler's two
    }

    [Theory]
    [InlineData("444455556666", "us-east-1", "event from account 444455556666, not this function's account 111122223333")]
    [InlineData("111122223333", "eu-west-1", "event from Region eu-west-1, not this function's Region us-east-1")]
    public async Task EventRouter_AnotherAccountOrRegion_RejectedNothingReadOrStarted(string account, string region, string why)
    {
        await using var h = await StartAsync();
        var calls = h.Aws.Calls.Calls.Count;

        var output = await RouteAsync(h, Event(Warning, Soon, account: account, region: region));

        Assert.Equal("rejected", output["action"]!.GetValue<string>());
        Assert.Contains(why, output["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(calls, h.Aws.Calls.Calls.Count);
        Assert.Empty(Executions(h));
        Assert.Contains(h.Transcript, line => line.Contains(why, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EventRouter_UnknownReservation_RejectedNothingStarted()
    {
        await using var h = await StartAsync();

        var output = await RouteAsync(h, Event(Warning, "cr-0fffffffffffffff9"));

        Assert.Equal("rejected", output["action"]!.GetValue<string>());
        Assert.Contains("unknown reservation cr-0fffffffffffffff9", output["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(Executions(h));
    }

    [Fact] // the EC2 page's samples are templates (detail_type, no region): never an EventBridge event
    public async Task EventRouter_DocumentationTemplate_RejectedAsATemplate()
    {
        await using var h = await StartAsync();
        var template = new JsonObject
        {
            ["customer_event_id"] = $"{Soon}-approaching-expiry", ["detail_type"] = Warning, ["source"] = "aws.ec2", ["account"] = "111122223333",
            ["detail"] = new JsonObject { ["capacity-reservation-id"] = Soon },
        };

        var output = await RouteAsync(h, template);

        Assert.Equal("rejected", output["action"]!.GetValue<string>());
        Assert.Contains("the EC2 documentation's template", output["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(Executions(h));
    }

    [Fact]
    public async Task EventRouter_WarningForAnUnusedBlock_IgnoredNothingStarted()
    {
        await using var h = await StartAsync();

        var output = await RouteAsync(h, Event(Warning, Unused));

        Assert.Equal("ignored", output["action"]!.GetValue<string>());
        Assert.Contains("no CAPACITY_BLOCK node group uses it", output["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(Executions(h));
    }

    [Fact] // the interruption warning names the instance only: EC2 says which block it runs in
    public async Task EventRouter_InterruptionOfAnInstanceInTheBlock_StartsTheBlocksExpiry()
    {
        await using var h = await StartAsync();
        var instance = InstanceOf(h, "shared-a");

        var output = await RouteAsync(h, Interruption(instance));

        Assert.Equal(("catch-up", Shared), (output["action"]!.GetValue<string>(), output["reservationId"]!.GetValue<string>()));
        Assert.Equal(ExpiryName(h, Shared), Assert.Single(Executions(h)).Name);
    }

    [Fact]
    public async Task EventRouter_InterruptionOfAnUnknownInstance_RejectedNothingStarted()
    {
        await using var h = await StartAsync();

        var output = await RouteAsync(h, Interruption("i-0123456789abcdef0"));

        Assert.Equal("rejected", output["action"]!.GetValue<string>());
        Assert.Contains("instance i-0123456789abcdef0 runs in no Capacity Reservation known", output["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(Executions(h));
    }

    [Theory]
    [InlineData("Capacity Block Delivered")]
    [InlineData("Capacity Block Reservation Delivered")]
    public async Task EventRouter_SuccessorDeliveredWithAGroupWaitingForIt_StartsItsRestoreOnce(string detailType)
    {
        await using var h = await StartAsync();
        Park(h, "gpu-a", Soon, successor: Shared);

        var first = await RouteAsync(h, Event(detailType, Shared));
        var again = await RouteAsync(h, Event(detailType, Shared));

        Assert.Equal(("restore", true), (first["action"]!.GetValue<string>(), first["started"]!.GetValue<bool>()));
        var execution = Assert.Single(Executions(h));
        Assert.Equal($"expire-{Shared}-restore-{Stamp(EndOf(h, Shared))}", execution.Name);
        Assert.Equal(
            $$"""{"reservationId":"{{Shared}}","endDate":"2026-01-05T14:00:00Z","mode":"restore","trigger":"{{detailType}}","dryRun":false}""", execution.Input);
        Assert.False(again["started"]!.GetValue<bool>());
    }

    [Fact]
    public async Task EventRouter_DeliveredWithNothingParked_IgnoredWithoutReadingTheClusters()
    {
        await using var h = await StartAsync();
        var calls = h.Aws.Calls.Calls.Count;

        var output = await RouteAsync(h, Event(Delivered, Shared));

        Assert.Equal("ignored", output["action"]!.GetValue<string>());
        Assert.Contains("no group was parked for it", output["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, CallsSince(h, calls, "pcs"));
        Assert.Empty(Executions(h));
    }

    private static string InstanceOf(Support.HandlerHarness h, string groupName)
    {
        var groupId = h.NodeGroupId(groupName);
        lock (h.Aws.State.Gate)
            return h.Aws.State.InstancesOfNodeGroup(groupId).First(i => i.IsUp).InstanceId;
    }
}
