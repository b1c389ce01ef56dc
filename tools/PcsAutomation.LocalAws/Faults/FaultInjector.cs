using PcsAutomation.LocalAws.Host;

namespace PcsAutomation.LocalAws.Faults;

/// <summary>Decides, per call, whether an injected fault applies; deterministic for a given seed and call order.</summary>
public sealed class FaultInjector(int seed)
{
    private readonly Random random = new(seed);
    private readonly List<FaultRule> rules = [];
    private readonly Dictionary<FaultRule, int> counts = [];
    private readonly Lock gate = new();

    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (gate) rules.Add(rule);
    }

    public void Clear()
    {
        lock (gate)
        {
            rules.Clear();
            counts.Clear();
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
                    error = new AwsServiceException("ThrottlingException", "Rate exceeded", service.ThrottlingStatus);
                else if (rule.ServerErrorRate > 0 && random.NextDouble() < rule.ServerErrorRate)
                    error = new AwsServiceException(service.InternalErrorCode, "Injected internal error.", 500);
            }
            return (latency, error);
        }
    }
}
