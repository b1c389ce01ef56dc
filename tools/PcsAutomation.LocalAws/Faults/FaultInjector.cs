using PcsAutomation.LocalAws.Host;

namespace PcsAutomation.LocalAws.Faults;

/// <summary>
/// Decides, per call, whether an injected fault or a request-rate limit applies. Faults are deterministic for a given
/// seed and call order; rate limits for given virtual times of the calls (<paramref name="clock"/>).
/// </summary>
public sealed class FaultInjector(int seed, TimeProvider clock)
{
    private readonly Random random = new(seed);
    private readonly List<FaultRule> rules = [];
    private readonly Dictionary<FaultRule, int> counts = [];
    private readonly List<RateLimitRule> limits = [];
    private readonly Dictionary<(RateLimitRule Rule, string? Operation), TokenBucket> buckets = [];
    private readonly List<EventFaultRule> eventRules = [];
    private readonly Dictionary<EventFaultRule, int> eventCounts = [];
    private readonly List<EventFaultRecord> eventRecords = [];
    private readonly Lock gate = new();

    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (gate) rules.Add(rule);
    }

    /// <summary>Adds request-rate limits (after those already there: the first matching limit decides); each bucket starts full.</summary>
    public void Limit(params IEnumerable<RateLimitRule> rateLimits)
    {
        ArgumentNullException.ThrowIfNull(rateLimits);
        var added = rateLimits.ToList();
        foreach (var limit in added)
        {
            ArgumentNullException.ThrowIfNull(limit, nameof(rateLimits));
            limit.Validate();
        }
        lock (gate) limits.AddRange(added);
    }

    /// <summary>The rate limits in force, in the order they are tried.</summary>
    public IReadOnlyList<RateLimitRule> Limits
    {
        get { lock (gate) return [.. limits]; }
    }

    /// <summary>Adds a fault in the delivery of service events (lost, late, duplicated); see <see cref="EventFaultRule"/>.</summary>
    public void Add(EventFaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        rule.Validate();
        lock (gate) eventRules.Add(rule);
    }

    /// <summary>Every event an <see cref="EventFaultRule"/> matched, in order, with its fate.</summary>
    public IReadOnlyList<EventFaultRecord> EventFaults
    {
        get { lock (gate) return [.. eventRecords]; }
    }

    public void Clear()
    {
        lock (gate)
        {
            rules.Clear();
            counts.Clear();
            limits.Clear();
            buckets.Clear();
            eventRules.Clear();
            eventCounts.Clear();
            eventRecords.Clear();
        }
    }

    /// <summary>
    /// The fate of a service event: lost when a matching rule says so, else delivered once plus the duplicates of every
    /// matching rule, after their delays added up (the largest gap between copies).
    /// </summary>
    public EventFate EvaluateEvent(string source, string detailType, string eventId)
    {
        lock (gate)
        {
            var matching = eventRules.Where(r => r.Matches(source, detailType)).ToList();
            if (matching.Count == 0) return EventFate.Delivered;
            var lost = false;
            foreach (var rule in matching)
            {
                var n = eventCounts[rule] = eventCounts.GetValueOrDefault(rule) + 1;
                lost |= rule.Lose || rule.LoseNth == n || (rule.LossRate > 0 && random.NextDouble() < rule.LossRate);
            }
            var fate = new EventFate(lost,
                TimeSpan.FromTicks(matching.Sum(r => r.Delay.Ticks)),
                lost ? 0 : 1 + matching.Sum(r => r.Duplicates),
                matching.Max(r => r.DuplicateGap));
            eventRecords.Add(new EventFaultRecord(clock.GetUtcNow(), source, detailType, eventId, fate));
            return fate;
        }
    }

    /// <summary>The latency to add and the error to answer with (null: let the call through).</summary>
    public (TimeSpan Latency, AwsServiceException? Error) Evaluate(JsonServiceRegistration service, string operation)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (gate)
        {
            var latency = TimeSpan.Zero;
            AwsServiceException? error = null;
            foreach (var rule in rules.Where(r => r.Matches(service.SigningName, operation)))
            {
                var n = counts[rule] = counts.GetValueOrDefault(rule) + 1;
                latency += rule.Latency;
                if (error is not null) continue;
                if (rule.FailOnNthCall == n)
                    error = new AwsServiceException(rule.ForcedErrorCode, rule.ForcedErrorMessage, rule.ForcedErrorStatus);
                else if (rule.ThrottleRate > 0 && random.NextDouble() < rule.ThrottleRate)
                    error = service.Throttling(retryAfter: null);
                else if (rule.ServerErrorRate > 0 && random.NextDouble() < rule.ServerErrorRate)
                    error = new AwsServiceException(service.InternalErrorCode, "Injected internal error.", 500);
            }
            return (latency, error ?? OverRateLimit(service, operation));
        }
    }

    /// <summary>The first matching limit takes a token from its bucket (created full on first use), or throttles the call.</summary>
    private AwsServiceException? OverRateLimit(JsonServiceRegistration service, string operation)
    {
        var limit = limits.FirstOrDefault(l => l.Matches(service.SigningName, operation, service.IsReadOnly(operation)));
        if (limit is null) return null;
        var now = clock.GetUtcNow();
        var key = (limit, limit.BucketPerOperation ? operation : null);
        if (!buckets.TryGetValue(key, out var bucket))
            buckets[key] = bucket = new TokenBucket(limit.Capacity, limit.RefillPerSecond, now);
        return bucket.TryTake(now, out var untilNextToken) ? null : service.Throttling(untilNextToken);
    }
}
