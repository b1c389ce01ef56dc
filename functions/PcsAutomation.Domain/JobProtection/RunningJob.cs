using System.Globalization;
using PcsAutomation.Domain.CapacityBlocks;

namespace PcsAutomation.Domain.JobProtection;

/// <summary>
/// A Slurm job running on the nodes a workflow needs. <see cref="ExpectedEnd"/> is Slurm's end time (its start plus its
/// time limit): the job ends then at the latest, often sooner; null when Slurm gives none (no time limit).
/// </summary>
public sealed record RunningJob(string JobId, DateTimeOffset? ExpectedEnd)
{
    /// <summary>Still running at <paramref name="at"/> by its expected end (a job with none is assumed to run on).</summary>
    public bool RunsAt(DateTimeOffset at) => ExpectedEnd is not { } end || end > at;

    /// <summary>Expected to have ended by <paramref name="at"/>.</summary>
    public bool EndsBy(DateTimeOffset at) => ExpectedEnd is { } end && end <= at;

    public override string ToString() => ExpectedEnd is { } end ? $"{JobId} (ends {Times.Format(end)})" : $"{JobId} (no end time)";

    /// <summary>Job ids for a message: at most <paramref name="max"/>, then how many more.</summary>
    public static string List(IReadOnlyCollection<RunningJob> jobs, int max = 10)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var shown = string.Join(", ", jobs.Take(max));
        return jobs.Count <= max ? shown : string.Create(CultureInfo.InvariantCulture, $"{shown} and {jobs.Count - max} more");
    }
}
