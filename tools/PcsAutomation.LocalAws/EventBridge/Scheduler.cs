namespace PcsAutomation.LocalAws.EventBridge;

/// <summary>
/// Fires schedule expressions on a <see cref="TimeProvider"/> (the emulator's virtual clock): one timer per
/// schedule, re-armed after each occurrence; when the clock jumps over several occurrences each is fired, in order.
/// </summary>
/// <param name="time">The clock; rate schedules count from the moment a schedule is added.</param>
/// <param name="fire">Called with the schedule key and the occurrence time (the event's <c>time</c>).</param>
public sealed class Scheduler(TimeProvider time, Action<string, DateTimeOffset> fire) : IDisposable
{
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Starts (or restarts) the schedule named <paramref name="key"/>.</summary>
    public void Schedule(string key, ScheduleExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        lock (gate)
        {
            Unschedule(key);
            var now = time.GetUtcNow();
            if (expression.NextOccurrence(now) is not { } next)
                return;
            var entry = new Entry(key, expression) { Next = next };
            entries[key] = entry;
            entry.Timer = time.CreateTimer(_ => OnTimer(entry), null, next - now, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Stops the schedule named <paramref name="key"/>, if any.</summary>
    public void Unschedule(string key)
    {
        lock (gate)
        {
            if (entries.Remove(key, out var entry))
                entry.Timer?.Dispose();
        }
    }

    /// <summary>The next time the schedule will fire, or null if it is not scheduled.</summary>
    public DateTimeOffset? NextFor(string key)
    {
        lock (gate)
            return entries.TryGetValue(key, out var entry) ? entry.Next : null;
    }

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var entry in entries.Values)
                entry.Timer?.Dispose();
            entries.Clear();
        }
    }

    private void OnTimer(Entry entry)
    {
        var due = new List<DateTimeOffset>();
        lock (gate)
        {
            if (!entries.TryGetValue(entry.Key, out var current) || current != entry)
                return;
            var now = time.GetUtcNow();
            while (entry.Next is { } next && next <= now)
            {
                due.Add(next);
                entry.Next = entry.Expression.NextOccurrence(next);
            }
            if (entry.Next is { } following)
                entry.Timer?.Change(following - now, Timeout.InfiniteTimeSpan);
            else
                entries.Remove(entry.Key);
        }
        foreach (var occurrence in due)
            fire(entry.Key, occurrence);
    }

    private sealed class Entry(string key, ScheduleExpression expression)
    {
        public string Key { get; } = key;
        public ScheduleExpression Expression { get; } = expression;
        public DateTimeOffset? Next { get; set; }
        public ITimer? Timer { get; set; }
    }
}
