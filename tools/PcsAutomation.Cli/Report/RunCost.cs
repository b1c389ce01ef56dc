using PcsAutomation.Benchmarks.Rotation;

namespace PcsAutomation.Cli.Report;

/// <summary>One line of a run's cost: what, how many, the unit price's words, the amount in USD; null amount: not known here (and why).</summary>
public sealed record CostLine(string Item, double Quantity, string Unit, double? Usd, string? Note = null);

/// <summary>
/// What a run cost, with the prices and billed-duration assumptions of benchmarks/Rotation (<see cref="Prices"/>, linked
/// from there, not copied): state transitions, Lambda requests and duration (<see cref="BilledMilliseconds"/> per
/// invocation at the function's memory), SNS publishes and EventBridge entries from the history; DynamoDB and Secrets
/// Manager from the emulator's call record only. Pure.
/// </summary>
public static class RunCost
{
    /// <summary>benchmarks/Rotation's assumption (RotationOptions.BilledMilliseconds): a warm handler bills about 50 ms.</summary>
    public const double BilledMilliseconds = 50;

    public static IReadOnlyList<CostLine> Of(RunHistory history, EmulatorRecord? emulator)
    {
        ArgumentNullException.ThrowIfNull(history);
        var lines = new List<CostLine>
        {
            new("Step Functions state transitions", history.StateTransitions, "$0.025 per 1,000", history.StateTransitions * Prices.StateTransition),
            new("Lambda requests", history.LambdaInvocations, "$0.20 per 1M", history.LambdaInvocations * Prices.LambdaRequest),
        };
        if (emulator is not null && history.Tasks.Where(t => t.Service == "lambda").All(t => emulator.FunctionMemoryMb.ContainsKey(t.Target)))
        {
            var gbSeconds = history.Tasks.Where(t => t.Service == "lambda").Sum(t => emulator.FunctionMemoryMb[t.Target] / 1024.0 * BilledMilliseconds / 1000);
            lines.Add(new("Lambda duration (GB-s, 50 ms billed per invocation)", Math.Round(gbSeconds, 3), "$0.0000166667 per GB-s", gbSeconds * Prices.LambdaGbSecond));
        }
        else
        {
            lines.Add(new("Lambda duration", 0, "$0.0000166667 per GB-s", null, "the functions' memory is known from the emulator's template only"));
        }

        var publishes = history.Tasks.Count(t => t.Target == "sns:publish");
        var events = history.Tasks.Count(t => t.Target == "events:putEvents");
        lines.Add(new("SNS publishes", publishes, "$0.50 per 1M", publishes * Prices.SnsPublish));
        lines.Add(new("EventBridge custom events", events, "$1.00 per 1M", events * Prices.CustomEvent));
        if (emulator is null)
        {
            lines.Add(new("DynamoDB and Secrets Manager requests", 0, "", null, "counted from the emulator's call record only"));
            return lines;
        }

        int Count(string service, params string[] operations) =>
            emulator.Calls.Where(c => c.Service == service && (operations.Length == 0 || operations.Contains(c.Operation, StringComparer.Ordinal))).Sum(c => c.Calls);
        var writes = Count("dynamodb", "PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem");
        var reads = Count("dynamodb", "GetItem", "Query", "Scan", "BatchGetItem");
        var secrets = Count("secretsmanager");
        lines.Add(new("DynamoDB write / read requests", writes + reads, "$0.625 / $0.125 per 1M", (writes * Prices.DynamoWrite) + (reads * Prices.DynamoRead)));
        lines.Add(new("Secrets Manager API calls", secrets, "$0.05 per 10,000", secrets * Prices.SecretsManagerCall));
        return lines;
    }

    public static double Total(IEnumerable<CostLine> lines) => lines.Sum(l => l.Usd ?? 0);
}
