using PcsAutomation.LocalAws.StepFunctions;

namespace PcsAutomation.Benchmarks.Rollout;

/// <summary>One Lambda invocation as the benchmark saw it around the product's in-process handler.</summary>
internal sealed record Invocation(string LogicalId, int MemoryMb, TimeSpan Wall);

/// <summary>One cluster's execution: its outcome, its plan (canary first), and what was found wrong after it.</summary>
internal sealed record ClusterOutcome(
    string Name,
    string Status,
    string? Error,
    ExecutionAccounting Accounting,
    TimeSpan Duration,
    IReadOnlyList<PlannedGroup> Plan,
    int GroupsOnNewImage,
    IReadOnlyList<string> Problems)
{
    public bool Failed => Problems.Count > 0;
}

/// <summary>
/// One request-rate bucket as the run used it: the requests it let through (those the run needed) and those it
/// throttled. <see cref="Bound"/> is the least time those requests take at this rate: the bucket's first
/// <see cref="Capacity"/> at once, the rest at <see cref="RefillPerSecond"/>.
/// </summary>
internal sealed record BucketUse(string Name, double Capacity, double RefillPerSecond, int Needed, int Throttled)
{
    public TimeSpan Bound => TimeSpan.FromSeconds(Math.Max(0, Needed - Capacity) / RefillPerSecond);
}

/// <summary>What the fleet's roll-out did, counted.</summary>
internal sealed record FleetResult(
    RolloutOptions Options,
    IReadOnlyList<ClusterOutcome> Clusters,
    int GroupsPerCluster,
    TimeSpan Completion,
    TimeSpan CriticalPath,
    TimeSpan WavesUpperForm,
    IReadOnlyList<BucketUse> Buckets,
    IReadOnlyDictionary<string, int> ApiCalls,
    IReadOnlyList<Invocation> Invocations,
    IReadOnlyDictionary<string, int> PeakConcurrency,
    TimeSpan WallTime,
    int InstancesUpAtStart)
{
    public int Groups => Clusters.Count * GroupsPerCluster;

    public int Failures => Clusters.Count(c => c.Failed);

    public BucketUse? Tightest => Buckets.MaxBy(b => b.Bound);

    /// <summary>The larger of the slowest cluster's critical path and the tightest bucket's bound.</summary>
    public TimeSpan Minimum => Tightest is { } bucket && bucket.Bound > CriticalPath ? bucket.Bound : CriticalPath;

    public double Ratio => Minimum > TimeSpan.Zero ? Completion / Minimum : double.NaN;

    public int StateTransitions => Clusters.Sum(c => c.Accounting.StateTransitions);

    public int Calls(string service, params string[] operations) =>
        ApiCalls.Where(c => c.Key.StartsWith(service + ":", StringComparison.Ordinal)
                            && (operations.Length == 0 || operations.Contains(c.Key[(service.Length + 1)..].Split(' ')[0], StringComparer.Ordinal)))
            .Sum(c => c.Value);

    public int Throttled(string service) => ApiCalls.Where(c => c.Key.StartsWith(service + ":", StringComparison.Ordinal) && c.Key.EndsWith(" throttled", StringComparison.Ordinal)).Sum(c => c.Value);

    public int DynamoReads => Calls("dynamodb", "GetItem", "Query", "Scan", "BatchGetItem");

    public int DynamoWrites => Calls("dynamodb", "PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem");

    public int SnsPublishes => Calls("sns", "Publish");

    public int CustomEvents => Calls("events", "PutEvents");
}
