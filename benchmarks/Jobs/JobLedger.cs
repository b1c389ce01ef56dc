using PcsAutomation.LocalAws.Pcs;
using Emulator = PcsAutomation.LocalAws.LocalAws;

namespace PcsAutomation.Benchmarks.Jobs;

/// <summary>A run of a job ended by its node going away: when it started and when the requeue was seen.</summary>
internal sealed record KilledRun(DateTimeOffset Start, DateTimeOffset Killed)
{
    /// <summary>The work lost: the node time the run had used.</summary>
    public TimeSpan Lost => Killed - Start;
}

/// <summary>One job as the ledger saw it: every run that was ended by its node going away, and its end.</summary>
internal sealed record JobRecord(long JobId, string Queue, TimeSpan TimeLimit, IReadOnlyList<KilledRun> KilledRuns, DateTimeOffset? End)
{
    public bool Requeued => KilledRuns.Count > 0;
}

/// <summary>
/// Watches the cluster's Slurm side whenever the emulator is idle (each clock jump: nothing changes in between, so what
/// it sees holds until the next look): each job's runs, the requeues (a run that ended because its node went away, guide
/// L3480), when the automation's reservation or drain first appeared, and the node-hours it held idle.
/// </summary>
/// <remarks>
/// "Held idle": while a reservation or drain of the automation exists and before the rotation's scale-down, every queue
/// counts min(its pending jobs, its groups' nodes not running a job, up to max): nodes a waiting job could have had
/// but for the protection (the emulator's scheduler starts any job the protection lets through at once, so what still
/// waits with nodes free is held). After the scale-down every policy has no nodes: that is the rotation's cost, not the
/// protection's.
/// </remarks>
internal sealed class JobLedger(string cluster)
{
    private readonly Dictionary<long, (string Queue, TimeSpan Limit, DateTimeOffset? RunStart, int Requeues, List<KilledRun> Killed, DateTimeOffset? End)> jobs = [];
    private DateTimeOffset? lastLook;
    private double heldNodeSeconds;
    private int lastHeld;

    /// <summary>When a reservation or drained node of the automation was first seen (null: never).</summary>
    public DateTimeOffset? ProtectionSince { get; private set; }

    public double HeldNodeHours => heldNodeSeconds / 3600;

    public int JobsSeen => jobs.Count;

    public bool AllCompleted(int expected) => jobs.Count == expected && jobs.Values.All(j => j.End is not null);

    /// <summary>Looks at the world at <paramref name="now"/>; <paramref name="scaledDown"/>: the rotation's scale-down has begun.</summary>
    public void Look(Emulator aws, DateTimeOffset now, bool scaledDown)
    {
        ArgumentNullException.ThrowIfNull(aws);
        var previous = lastLook ?? now;
        if (now > previous) heldNodeSeconds += lastHeld * (now - previous).TotalSeconds;
        lastLook = now;

        lock (aws.State.Gate)
        {
            foreach (var job in aws.Slurm.Jobs(cluster)) Track(job, previous, now);
            var protectedNow = aws.Slurm.Reservations(cluster).Any(r => r.Name.StartsWith(AutomationPrefix, StringComparison.Ordinal))
                               || aws.Slurm.Nodes(cluster).Any(n => n.IsDrained && n.Reason?.StartsWith(AutomationPrefix, StringComparison.Ordinal) == true);
            if (protectedNow) ProtectionSince ??= now;
            lastHeld = protectedNow && !scaledDown ? Held(aws) : 0;
        }
    }

    /// <summary>The record of every job seen, by id.</summary>
    public IReadOnlyList<JobRecord> Records() =>
        [.. jobs.OrderBy(j => j.Key).Select(j => new JobRecord(j.Key, j.Value.Queue, j.Value.Limit, j.Value.Killed, j.Value.End))];

    /// <summary>The prefix of every reservation and drain reason the automation sets (JobProtectionNames.Prefix).</summary>
    public const string AutomationPrefix = "pcs-automation-";

    /// <param name="previousLook">The look before this one: a job started and requeued in between started after it.</param>
    private void Track(SlurmJobInfo job, DateTimeOffset previousLook, DateTimeOffset now)
    {
        if (!jobs.TryGetValue(job.JobId, out var seen))
            seen = (job.Queue, job.TimeLimit, null, 0, [], null);
        // A requeue resets the job's start: the run that was killed is the one last seen running.
        if (job.Requeues > seen.Requeues)
        {
            // A second requeue between two looks would take the same start: the count stays right, the start is the earliest possible.
            for (var i = seen.Requeues; i < job.Requeues; i++)
                seen.Killed.Add(new KilledRun(seen.RunStart ?? previousLook, now));
            seen.Requeues = job.Requeues;
        }
        if (job.StartTime is { } start) seen.RunStart = start;
        if (job.State == SlurmJob.Completed) seen.End = job.EndTime;
        jobs[job.JobId] = seen;
    }

    private int Held(Emulator aws)
    {
        var c = aws.State.FindCluster(cluster)!;
        var running = aws.Slurm.Jobs(cluster).Where(j => j.State == SlurmJob.Running && j.NodeGroup is not null)
            .GroupBy(j => j.NodeGroup!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return aws.Slurm.Queues(cluster).Where(q => q.PendingJobs > 0).Sum(q =>
        {
            var free = q.NodeGroups.Sum(name => c.FindNodeGroup(name) is { } group ? Math.Max(0, group.MaxInstanceCount - running.GetValueOrDefault(name)) : 0);
            return Math.Min(q.PendingJobs, free);
        });
    }
}
