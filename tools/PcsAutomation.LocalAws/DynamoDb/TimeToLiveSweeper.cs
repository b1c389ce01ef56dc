using System.Globalization;
using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.DynamoDb;

/// <summary>
/// DynamoDB's TTL background process on the virtual clock. What AWS documents:
/// <list type="bullet">
/// <item>an item is expired once the epoch-seconds Number in the table's TTL attribute is less than the current time, and
/// "DynamoDB typically deletes expired items within two days of expiration"; until then "items that have expired and
/// not been deleted will still show up in reads, queries, and scans"
/// (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html);</item>
/// <item>TTL ignores an item without the attribute, one whose value is not a top-level Number in epoch seconds, and one
/// whose expiry is more than five years in the past
/// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-before-you-start.html).</item>
/// </list>
/// Here the delay is exact and a setting (<see cref="LocalAwsOptions.DynamoDbTimeToLiveDeletionDelay"/>): an item goes
/// that long after its expiry. Cheap for big tables: a heap of (deletion time, item) fed by writes, one timer armed
/// for the earliest entry; an entry whose item was rewritten or deleted since is skipped when it comes up.
/// </summary>
internal sealed class TimeToLiveSweeper
{
    /// <summary>The documented horizon: expiry times further in the past are never deleted.</summary>
    public static readonly TimeSpan IgnoredAfter = TimeSpan.FromDays(5 * 365);

    private readonly TimeProvider timers;
    private readonly Lock gate;
    private readonly Func<DynamoTable, bool> isLive;
    private readonly PriorityQueue<Entry, DateTimeOffset> queue = new();

    // The expiry each tracked item has now: what tells a current heap entry from a stale one, and the compaction source.
    private readonly Dictionary<(DynamoTable Table, string Key), double> expiries = [];
    private ITimer? timer;

    /// <param name="timers">Where the sweep's timer lives (the emulator passes a background view of its clock).</param>
    /// <param name="deletionDelay">How long after expiry an item is deleted.</param>
    /// <param name="gate">The service's lock, held while sweeping.</param>
    /// <param name="isLive">Whether a table still exists (a deleted table's entries are dropped).</param>
    public TimeToLiveSweeper(TimeProvider timers, TimeSpan deletionDelay, Lock gate, Func<DynamoTable, bool> isLive)
    {
        (this.timers, DeletionDelay, this.gate, this.isLive) = (timers, deletionDelay, gate, isLive);
    }

    public TimeSpan DeletionDelay { get; }

    /// <summary>After a write (caller holds the gate): schedules the item's deletion if its TTL value makes it eligible.</summary>
    public void Written(DynamoTable table, string key, JsonObject item)
    {
        if (table.TimeToLiveAttribute is not { } attribute || ExpiryOf(item, attribute) is not { } expiry)
        {
            expiries.Remove((table, key));
            return;
        }
        expiries[(table, key)] = expiry;
        queue.Enqueue(new Entry(table, key, expiry), DeletionTime(expiry));
        if (queue.Count > (2 * expiries.Count) + 64) Compact();
        Arm();
    }

    /// <summary>After DeleteItem (caller holds the gate).</summary>
    public void Deleted(DynamoTable table, string key) => expiries.Remove((table, key));

    /// <summary>TTL enabled on a table that already holds items (caller holds the gate).</summary>
    public void Enabled(DynamoTable table)
    {
        foreach (var (key, item) in table.Items) Written(table, key, item);
    }

    /// <summary>The TTL value of <paramref name="item"/> as epoch seconds, or null when TTL ignores the item.</summary>
    private static double? ExpiryOf(JsonObject item, string attribute)
    {
        if (item[attribute] is not JsonObject value || AttributeValues.StringOf(value, "N") is not { } number) return null;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)) return null;
        // Milliseconds or other formats land far beyond DateTimeOffset's range: never due, as AWS ignores them.
        return seconds is > -62_135_596_800 and < 253_402_300_799 ? seconds : null;
    }

    private DateTimeOffset DeletionTime(double expiry)
    {
        var at = DateTimeOffset.UnixEpoch.AddSeconds(expiry);
        return at > DateTimeOffset.MaxValue - DeletionDelay ? DateTimeOffset.MaxValue : at + DeletionDelay;
    }

    private void Sweep()
    {
        lock (gate)
        {
            var now = timers.GetUtcNow();
            while (queue.TryPeek(out var entry, out var due) && due <= now)
            {
                queue.Dequeue();
                if (!isLive(entry.Table)) expiries.Remove((entry.Table, entry.Key));
                if (!IsCurrent(entry)) continue;
                expiries.Remove((entry.Table, entry.Key));
                // Documented: an expiry more than five years in the past is never deleted.
                if (now - DateTimeOffset.UnixEpoch.AddSeconds(entry.Expiry) <= IgnoredAfter) entry.Table.Items.Remove(entry.Key);
            }
            Arm();
        }
    }

    private bool IsCurrent(Entry entry) =>
        isLive(entry.Table) && entry.Table.TimeToLiveAttribute is not null && entry.Table.Items.ContainsKey(entry.Key)
        && expiries.TryGetValue((entry.Table, entry.Key), out var expiry) && expiry == entry.Expiry;

    private void Compact()
    {
        queue.Clear();
        foreach (var ((table, key), expiry) in expiries) queue.Enqueue(new Entry(table, key, expiry), DeletionTime(expiry));
    }

    private void Arm()
    {
        if (!queue.TryPeek(out _, out var due))
        {
            timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }
        var wait = due - timers.GetUtcNow();
        if (wait < TimeSpan.Zero) wait = TimeSpan.Zero;
        if (timer is null) timer = timers.CreateTimer(_ => Sweep(), null, wait, Timeout.InfiniteTimeSpan);
        else timer.Change(wait, Timeout.InfiniteTimeSpan);
    }

    private sealed record Entry(DynamoTable Table, string Key, double Expiry);
}
