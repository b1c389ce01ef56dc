namespace PcsAutomation.Benchmarks.CapacityBlocks;

/// <summary>
/// One scheduled run of the reconciler as the benchmark saw it: when it started (virtual), how long it took on the
/// virtual clock (request-rate back-offs) and on this machine, every API call it made by service and operation
/// (<c>pcs:GetComputeNodeGroup</c>, <c>... throttled</c> for the refused ones), what it did, or the error it ended with.
/// </summary>
internal sealed record ReconcilerRunRecord(
    int Index,
    DateTimeOffset Start,
    TimeSpan Virtual,
    TimeSpan Wall,
    IReadOnlyDictionary<string, int> Calls,
    int Started,
    int AlreadyStarted,
    bool ClustersRead,
    string? Error)
{
    public int Total => Calls.Values.Sum();

    public int Throttled => Calls.Where(c => c.Key.EndsWith(" throttled", StringComparison.Ordinal)).Sum(c => c.Value);

    public int Of(string service) => Calls.Where(c => c.Key.StartsWith(service + ":", StringComparison.Ordinal)).Sum(c => c.Value);

    public int Of(string service, string operation) => Calls.Where(c => c.Key.Split(' ')[0] == $"{service}:{operation}").Sum(c => c.Value);
}

/// <summary>The runs of one benchmark: the fleet's size, the function's memory and timeout, and each run; <see cref="Problems"/> lists what went wrong.</summary>
internal sealed record ReconcilerResult(
    ReconcilerOptions Options,
    int MemoryMb,
    TimeSpan Timeout,
    int ExpiriesExpected,
    IReadOnlyList<ReconcilerRunRecord> Runs,
    IReadOnlyList<string> Problems,
    TimeSpan WallTime)
{
    /// <summary>The first run: every block due starts its expiry, the clusters are read.</summary>
    public ReconcilerRunRecord First => Runs[0];

    /// <summary>The last run: what every later run costs while no block enters or leaves the horizon.</summary>
    public ReconcilerRunRecord Steady => Runs[^1];
}
