using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PcsAutomation.LocalAws.EventBridge;

namespace PcsAutomation.LocalAws.Tests.EventBridge;

public sealed class SchedulerTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 30, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Start);
    private readonly List<EventDelivery> deliveries = [];
    private readonly EventBus bus;
    private readonly EventBridgeService service;

    public SchedulerTests()
    {
        bus = new EventBus(clock, deliveries.Add);
        service = new EventBridgeService(bus);
    }

    public void Dispose() => bus.Dispose();

    private void ScheduledRule(string name, string expression, string state = "ENABLED")
    {
        service.Invoke("PutRule", new JsonObject { ["Name"] = name, ["ScheduleExpression"] = expression, ["State"] = state });
        service.Invoke("PutTargets", JsonNode.Parse($$"""{"Rule":"{{name}}","Targets":[{"Id":"t","Arn":"arn:aws:lambda:us-east-1:123456789012:function:Reconciler"}]}""")!.AsObject());
    }

    private List<string> FiredTimes() => deliveries.Select(d => d.Event["time"]!.GetValue<string>()).ToList();

    [Fact]
    public void Rate_FiveMinutes_FiresEachPeriodFromCreation()
    {
        ScheduledRule("every5", "rate(5 minutes)");

        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Empty(deliveries);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(deliveries);
        clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(["2026-11-25T12:05:30Z", "2026-11-25T12:10:30Z", "2026-11-25T12:15:30Z"], FiredTimes());
    }

    [Fact]
    public void Cron_ScheduledEvent_HasTheReferenceEnvelope()
    {
        ScheduledRule("nightly", "cron(0 2 * * ? *)");

        clock.Advance(TimeSpan.FromDays(1));

        var evt = Assert.Single(deliveries).Event.AsObject();
        var reference = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Shared, "reference", "events", "scheduled-event.json")))!.AsObject();
        Assert.Equal(reference.Select(p => p.Key).Order(StringComparer.Ordinal), evt.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("Scheduled Event", evt["detail-type"]!.GetValue<string>());
        Assert.Equal("aws.events", evt["source"]!.GetValue<string>());
        Assert.Equal("2026-11-26T02:00:00Z", evt["time"]!.GetValue<string>());
        Assert.Equal("arn:aws:events:us-east-1:123456789012:rule/nightly", evt["resources"]![0]!.GetValue<string>());
        Assert.Empty(evt["detail"]!.AsObject());
        Assert.True(Guid.TryParse(evt["id"]!.GetValue<string>(), out _));
    }

    [Fact]
    public void Cron_ClockJumpsOverSeveralOccurrences_FiresEachInOrder()
    {
        ScheduledRule("hourly", "cron(0 * * * ? *)");

        clock.Advance(TimeSpan.FromHours(3));

        Assert.Equal(["2026-11-25T13:00:00Z", "2026-11-25T14:00:00Z", "2026-11-25T15:00:00Z"], FiredTimes());
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 16, 0, 0, TimeSpan.Zero), bus.NextScheduledTime("default", "hourly"));
    }

    [Fact]
    public void DisabledOrDeletedRule_DoesNotFire()
    {
        ScheduledRule("off", "rate(1 minute)", "DISABLED");
        ScheduledRule("gone", "rate(1 minute)");
        service.Invoke("RemoveTargets", JsonNode.Parse("""{"Rule":"gone","Ids":["t"]}""")!.AsObject());
        service.Invoke("DeleteRule", JsonNode.Parse("""{"Name":"gone"}""")!.AsObject());

        clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Empty(deliveries);
    }

    [Fact]
    public void Scheduler_ScheduledEventOnlyGoesToItsOwnRule()
    {
        ScheduledRule("tick", "rate(1 minute)");
        service.Invoke("PutRule", JsonNode.Parse("""{"Name":"all-aws-events","EventPattern":"{\"source\":[\"aws.events\"]}"}""")!.AsObject());
        service.Invoke("PutTargets", JsonNode.Parse("""{"Rule":"all-aws-events","Targets":[{"Id":"x","Arn":"arn:aws:lambda:us-east-1:123456789012:function:X"}]}""")!.AsObject());

        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal("tick", Assert.Single(deliveries).Rule.Name);
    }

    [Fact]
    public void Scheduler_Standalone_FiresKeyAndOccurrence()
    {
        var fired = new List<(string, DateTimeOffset)>();
        using var scheduler = new Scheduler(clock, (key, at) => fired.Add((key, at)));
        scheduler.Schedule("a", ScheduleExpression.Parse("cron(30 12 * * ? *)"));
        scheduler.Schedule("b", ScheduleExpression.Parse("rate(1 hour)"));
        scheduler.Unschedule("b");

        clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal([("a", new DateTimeOffset(2026, 11, 25, 12, 30, 0, TimeSpan.Zero))], fired);
    }
}
