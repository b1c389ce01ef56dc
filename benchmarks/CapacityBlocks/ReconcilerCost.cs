using PcsAutomation.Benchmarks.Rotation;

namespace PcsAutomation.Benchmarks.CapacityBlocks;

/// <summary>
/// What one reconciler run costs at the rotation benchmark's cited <see cref="Prices"/>: one Lambda request, its billed
/// duration at the function's memory, and the DynamoDB reads (the scan of parked records: a few small items, one read
/// unit a page). Billed duration is assumed (the emulator runs the handler in process): the virtual time the run spent
/// waiting (request-rate back-offs, billed as Lambda runs on) plus <see cref="ReconcilerOptions.CallMilliseconds"/> per
/// API call (made one after the other), plus <see cref="ReconcilerOptions.InitMilliseconds"/> of INIT: an environment
/// idle 15 minutes may be gone, so every run is priced as a cold start. PCS, EC2 and Step Functions API calls have no
/// charge per call; the executions started are the expiry's cost, not the trigger's.
/// </summary>
internal sealed record ReconcilerCost(TimeSpan Billed, double GbSeconds, double Lambda, double DynamoDb)
{
    public double Total => Lambda + DynamoDb;

    public static ReconcilerCost Of(ReconcilerRunRecord run, int memoryMb, ReconcilerOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        var billed = run.Virtual + TimeSpan.FromMilliseconds(run.Total * options.CallMilliseconds + options.InitMilliseconds);
        var gbSeconds = memoryMb / 1024.0 * billed.TotalSeconds;
        return new ReconcilerCost(billed, gbSeconds, Prices.LambdaRequest + gbSeconds * Prices.LambdaGbSecond, run.Of("dynamodb", "Scan") * Prices.DynamoRead);
    }
}
