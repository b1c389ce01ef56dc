using PcsAutomation.Benchmarks.Rotation;

namespace PcsAutomation.Benchmarks.Rollout;

/// <summary>
/// What the fleet's roll-out costs at the rotation benchmark's cited <see cref="Prices"/>, with the billed-duration
/// assumptions of <see cref="RolloutOptions"/>: Step Functions Standard transitions, Lambda requests and GB-seconds
/// (one INIT per execution environment: the peak of concurrent invocations of each function), SNS, EventBridge and
/// DynamoDB. PCS and EC2 calls have no charge per call.
/// </summary>
internal sealed record FleetCost(double StepFunctions, double LambdaRequests, double LambdaDuration, double Sns, double EventBridge, double DynamoDb)
{
    public double Total => StepFunctions + LambdaRequests + LambdaDuration + Sns + EventBridge + DynamoDb;

    public static int ColdStarts(FleetResult run) => run.PeakConcurrency.Values.Sum();

    public static double GbSeconds(FleetResult run, RolloutOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        var memory = run.Invocations.GroupBy(i => i.LogicalId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().MemoryMb / 1024.0, StringComparer.Ordinal);
        var warm = run.Invocations.Sum(i => i.MemoryMb / 1024.0 * options.BilledMilliseconds / 1000);
        var init = run.PeakConcurrency.Sum(p => memory.GetValueOrDefault(p.Key) * p.Value * options.InitMilliseconds / 1000);
        return warm + init;
    }

    public static FleetCost Of(FleetResult run, RolloutOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(
            run.StateTransitions * Prices.StateTransition,
            run.Invocations.Count * Prices.LambdaRequest,
            GbSeconds(run, options) * Prices.LambdaGbSecond,
            run.SnsPublishes * Prices.SnsPublish,
            run.CustomEvents * Prices.CustomEvent,
            run.DynamoWrites * Prices.DynamoWrite + run.DynamoReads * Prices.DynamoRead);
    }
}
