using PcsAutomation.LocalAws.Pcs;

namespace PcsAutomation.LocalAws.Scenarios;

public sealed partial class ScenarioActions
{
    /// <summary>
    /// Users submit <paramref name="count"/> one-node jobs of <paramref name="duration"/> to the queue (<see cref="SlurmJob"/>):
    /// they start on free nodes of the queue's groups, make them launch nodes, or wait; see <c>aws.Slurm</c>. Slurm schedules
    /// by the <paramref name="timeLimit"/> (whole minutes, Slurm's unit; at least the duration; default: the duration rounded
    /// up to a minute).
    /// </summary>
    public IReadOnlyList<SlurmJob> SubmitJobs(PcsCluster cluster, PcsQueue queue, int count, TimeSpan duration, TimeSpan? timeLimit = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (duration <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(duration), duration, "A job runs for some time.");
        var limit = timeLimit ?? TimeSpan.FromMinutes(Math.Ceiling(duration.TotalMinutes));
        if (limit < duration || limit.Ticks % TimeSpan.TicksPerMinute != 0)
            throw new ArgumentOutOfRangeException(nameof(timeLimit), limit,
                $"A time limit is whole minutes (Slurm's unit) and at least the job's duration ({duration}).");
        lock (world.Gate) return fleet.SubmitJobs(cluster, queue, count, duration, limit);
    }

    /// <summary>Same, by cluster and queue name or id.</summary>
    public IReadOnlyList<SlurmJob> SubmitJobs(string cluster, string queue, int count, TimeSpan duration, TimeSpan? timeLimit = null)
    {
        lock (world.Gate)
        {
            var c = world.FindCluster(cluster) ?? throw new InvalidOperationException($"No cluster {cluster}.");
            return SubmitJobs(c, c.FindQueue(queue) ?? throw new InvalidOperationException($"No queue {queue} in cluster {c.Name}."), count, duration, timeLimit);
        }
    }
}
