using System.Globalization;
using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.EventBridge;

/// <summary>
/// The emulator's event buses and their rules: events from PutEvents and from the emulator's CloudTrail log
/// (<see cref="Publish"/>) go to every enabled rule whose pattern matches; scheduled rules fire on the clock.
/// Each match is handed to the host's delivery callback, once per target.
/// </summary>
public sealed class EventBus : IDisposable
{
    /// <summary>The bus every account has.</summary>
    public const string DefaultBusName = "default";

    private readonly TimeProvider time;
    private readonly Action<EventDelivery> deliver;
    private readonly Scheduler scheduler;
    private readonly HashSet<string> buses = new(StringComparer.Ordinal) { DefaultBusName };
    private readonly Dictionary<(string Bus, string Name), EventRule> rules = [];
    private readonly Lock gate = new();

    /// <param name="time">The clock for event times and schedules.</param>
    /// <param name="deliver">Invokes a target (Lambda handler or state machine) with the delivered input.</param>
    /// <param name="region">Region used in ARNs and event envelopes (default us-east-1).</param>
    /// <param name="accountId">Account used in ARNs and event envelopes (default 123456789012).</param>
    public EventBus(TimeProvider time, Action<EventDelivery> deliver, string region = "us-east-1", string accountId = "123456789012")
    {
        this.time = time;
        this.deliver = deliver;
        Region = region;
        AccountId = accountId;
        scheduler = new Scheduler(time, OnSchedule);
    }

    public string Region { get; }

    public string AccountId { get; }

    /// <summary>The clock, for event timestamps.</summary>
    public TimeProvider Time => time;

    /// <summary>Adds a custom event bus (the default bus always exists).</summary>
    public void AddBus(string name)
    {
        lock (gate)
            buses.Add(name);
    }

    public bool HasBus(string name)
    {
        lock (gate)
            return buses.Contains(name);
    }

    public string RuleArn(string bus, string name) =>
        bus == DefaultBusName
            ? $"arn:aws:events:{Region}:{AccountId}:rule/{name}"
            : $"arn:aws:events:{Region}:{AccountId}:rule/{bus}/{name}";

    /// <summary>Creates or replaces a rule and (re)arms its schedule.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="keepTargets">When the new rule has no targets, keep the old rule's (PutRule does not touch targets).</param>
    public EventRule PutRule(EventRule rule, bool keepTargets = true)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (gate)
        {
            if (!buses.Contains(rule.EventBusName))
                throw new AwsServiceException("ResourceNotFoundException", $"Event bus {rule.EventBusName} does not exist.");
            if (rules.TryGetValue((rule.EventBusName, rule.Name), out var existing) && keepTargets && rule.Targets.Count == 0)
                rule = rule with { Targets = existing.Targets };
            rules[(rule.EventBusName, rule.Name)] = rule;
            if (rule.Schedule is { } schedule && rule.Enabled)
                scheduler.Schedule(rule.Arn, schedule);
            else
                scheduler.Unschedule(rule.Arn);
            return rule;
        }
    }

    public EventRule? FindRule(string bus, string name)
    {
        lock (gate)
            return rules.GetValueOrDefault((bus, name));
    }

    public IReadOnlyList<EventRule> Rules(string bus)
    {
        lock (gate)
            return rules.Values.Where(r => r.EventBusName == bus).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    public void RemoveRule(string bus, string name)
    {
        lock (gate)
        {
            if (rules.Remove((bus, name), out var rule))
                scheduler.Unschedule(rule.Arn);
        }
    }

    /// <summary>When a scheduled rule fires next (for inspection), or null.</summary>
    public DateTimeOffset? NextScheduledTime(string bus, string name) =>
        FindRule(bus, name) is { } rule ? scheduler.NextFor(rule.Arn) : null;

    /// <summary>Routes one event (a full envelope) on a bus to every matching enabled rule; returns how many targets got it.</summary>
    public int Publish(JsonNode eventJson, string busName = DefaultBusName)
    {
        ArgumentNullException.ThrowIfNull(eventJson);
        List<EventRule> matching;
        lock (gate)
            matching = rules.Values.Where(r => r.EventBusName == busName && r.Enabled && r.Pattern?.Matches(eventJson) == true).ToList();
        return matching.Sum(rule => DeliverToTargets(rule, eventJson));
    }

    /// <inheritdoc cref="Publish(JsonNode, string)"/>
    public int Publish(string eventJson, string busName = DefaultBusName) =>
        Publish(JsonNode.Parse(eventJson) ?? throw new ArgumentException("The event is JSON null.", nameof(eventJson)), busName);

    /// <summary>The envelope EventBridge wraps around every event.</summary>
    public JsonObject Envelope(string source, string detailType, JsonNode? detail, IEnumerable<string> resources, DateTimeOffset at) => new()
    {
        ["version"] = "0",
        ["id"] = Guid.NewGuid().ToString(),
        ["detail-type"] = detailType,
        ["source"] = source,
        ["account"] = AccountId,
        ["time"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["region"] = Region,
        ["resources"] = new JsonArray(resources.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray()),
        ["detail"] = detail ?? new JsonObject(),
    };

    public void Dispose() => scheduler.Dispose();

    private int DeliverToTargets(EventRule rule, JsonNode evt)
    {
        foreach (var target in rule.Targets)
            deliver(new EventDelivery(rule, target, evt, TargetInput.For(target, evt)));
        return rule.Targets.Count;
    }

    // A schedule sends the "Scheduled Event" envelope to its own rule's targets only.
    private void OnSchedule(string ruleArn, DateTimeOffset occurrence)
    {
        EventRule? rule;
        lock (gate)
            rule = rules.Values.FirstOrDefault(r => r.Arn == ruleArn && r.Enabled);
        if (rule is not null)
            DeliverToTargets(rule, Envelope("aws.events", "Scheduled Event", new JsonObject(), [rule.Arn], occurrence));
    }
}
