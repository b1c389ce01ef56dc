namespace PcsAutomation.Benchmarks.Rotation;

/// <summary>What a run costs at <see cref="Prices"/>, with the billed-duration assumptions of <see cref="RotationOptions"/>.</summary>
internal sealed record RotationCost(double StepFunctions, double LambdaRequests, double LambdaDuration, double Sns, double EventBridge, double DynamoDb, double SecretsManager)
{
    public double Total => StepFunctions + LambdaRequests + LambdaDuration + Sns + EventBridge + DynamoDb + SecretsManager;

    /// <summary>GB-seconds billed: every invocation at the assumed warm duration plus one INIT per cold start, at the function's MemorySize.</summary>
    public static double GbSeconds(RunResult run, RotationOptions options)
    {
        var warm = run.Invocations.Sum(i => i.MemoryMb / 1024.0 * options.BilledMilliseconds / 1000);
        var init = run.Invocations.GroupBy(i => i.LogicalId, StringComparer.Ordinal)
            .Sum(g => g.First().MemoryMb / 1024.0 * options.InitMilliseconds / 1000);
        return warm + init;
    }

    public static RotationCost Of(RunResult run, RotationOptions options) => new(
        run.Accounting.StateTransitions * Prices.StateTransition,
        run.LambdaRequests * Prices.LambdaRequest,
        GbSeconds(run, options) * Prices.LambdaGbSecond,
        run.SnsPublishes * Prices.SnsPublish,
        run.CustomEvents * Prices.CustomEvent,
        run.DynamoWrites * Prices.DynamoWrite + run.DynamoReads * Prices.DynamoRead,
        run.SecretsManagerCalls * Prices.SecretsManagerCall);
}
