using System.Globalization;
using System.Text;

namespace PcsAutomation.Benchmarks.Jobs;

/// <summary>The results as Markdown: printed, and written as the "Jobs and the rotation" section of docs/benchmarks.md.</summary>
internal static class Report
{
    public const string SectionStart = "<!-- benchmarks/Jobs: start (this section is rewritten by `dotnet run -c Release --project benchmarks/Jobs`) -->";
    public const string SectionEnd = "<!-- benchmarks/Jobs: end -->";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Table(IReadOnlyList<CaseSummary> policies, CaseResult baseline)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(baseline);
        var b = new StringBuilder();
        b.Append(Invariant, $"| {baseline.Jobs.Count} jobs, one rotation |");
        foreach (var p in policies) b.Append(Invariant, $" {p.Result.Case.Name} |");
        b.AppendLine().Append("| --- |");
        foreach (var _ in policies) b.Append(" ---: |");
        b.AppendLine();
        void Row(string name, Func<CaseSummary, string> cell)
        {
            b.Append(Invariant, $"| {name} |");
            foreach (var p in policies) b.Append(Invariant, $" {cell(p)} |");
            b.AppendLine();
        }
        Row("**jobs killed and requeued by the rotation**", p => $"**{p.Requeued}**");
        Row("  runs ended (a job may lose more than one)", p => N(p.KilledRuns));
        Row("  node-hours of work lost (the ended runs' time so far)", p => p.LostNodeHours.ToString("0.0", Invariant));
        Row("  of which started before the reservation or drain", p => p.Result.ProtectionSince is null ? "–" : N(p.RequeuedStartedBeforeProtection));
        Row("jobs completed later than without a rotation", p => N(p.Delayed));
        Row("  delay, median / max", p => $"{Duration(p.MedianDelay)} / {Duration(p.MaxDelay)}");
        Row("  delay, total job-hours", p => p.DelayJobHours.ToString("0.0", Invariant));
        Row("node-hours held idle by the reservation or drain", p => p.Result.HeldNodeHours.ToString("0.0", Invariant));
        Row("reservation or drain in place from", p => p.Result.ProtectionSince is { } since ? Relative(since, p.Result.WindowOpensAt) : "–");
        Row("wait before the scale-down", p => p.WaitBeforeScaleDown is { } wait ? Duration(wait) : "–");
        Row("wait timed out (then: on-timeout)", p => p.TimedOut ? "yes" : "no");
        Row("rotation", p => p.Result.Rotation is { } r ? $"{r.Status}{(r.Error is null ? "" : " " + r.Error)}" : "none");
        Row("rotation started / ended", p => p.Result.Rotation is { } r
            ? $"{Relative(r.Started, p.Result.WindowOpensAt)} / {(r.Ended is { } end ? Relative(end, p.Result.WindowOpensAt) : "–")}" : "–");
        Row("outcome (checked)", p => p.Result.Problems.Count == 0 ? "verified" : $"**{p.Result.Problems.Count} problem(s)**");
        Row("wall time (emulated, in process)", p => $"{p.Result.WallTime.TotalSeconds.ToString("0.0", Invariant)} s");
        return b.ToString();
    }

    public static string Section(
        IReadOnlyList<CaseSummary> policies, CaseResult baseline, JobsOptions options, DateTimeOffset when, string loadAtStart, string loadAtEnd)
    {
        ArgumentNullException.ThrowIfNull(options);
        var command = "dotnet run -c Release --project benchmarks/Jobs" + (options.CommandLine.Length > 0 ? " -- " + options.CommandLine : "");
        var b = new StringBuilder();
        b.AppendLine(SectionStart);
        b.AppendLine("## Jobs and the rotation");
        b.AppendLine();
        b.AppendLine("""
            What a cluster secret rotation does to running jobs under each job policy (issue 12), counted by `benchmarks/Jobs`:
            `template.yaml` in the in-process emulator with the product's handlers, on the virtual clock, and nothing started
            by hand: the scheduled `RotationReconciler` sends the advance notice (default lead time, 24 hours: at its first
            run here) and starts the rotation when the maintenance window opens; under `reserve` the notice creates the
            window's MAINT reservation through the emulator's slurmrestd, as in production. The same seeded jobs run once
            without a rotation, then once per policy; each run goes on until every job has completed. It exits 1 when a run
            went wrong (the rotation did not run or apply the policy, jobs left) or when `reserve` requeued a job that started
            after its reservation existed (such a job must have been kept from starting: its time limit reached into the window).
            """);
        b.AppendLine();
        b.Append(MarkdownSection.CommandAndUsage(command, JobsOptions.Usage));
        b.AppendLine(Invariant, $"""
            ### Results ({when:yyyy-MM-dd HH:mm} UTC)

            Seed {options.Seed}, {options.Jobs} jobs; wait timeout {options.Timeout ?? "1h (the default)"}, on timeout `{options.OnTimeout}`. Load average (1/5/15 min)
            {loadAtStart} at the start and {loadAtEnd} at the end ({Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}; the load moves
            the wall time only, never the counts or the virtual times). Times are from the window's opening (Sunday 02:00 UTC).
            """);
        b.AppendLine();
        b.Append(Table(policies, baseline));
        b.AppendLine();
        b.AppendLine(Invariant, $"""
            **The cluster** (`JobMix.Build(jobs: {options.Jobs}, seed: {options.Seed})`): Slurm 25.05 with slurmrestd, queue `batch` on
            group `compute` (0/16) and queue `long` on group `highmem` (0/32); one-node jobs submitted at random minutes of
            the first 24 hours from Saturday 12:00 UTC, each running 10 minutes to 12 hours with a time limit of one to two
            times that (over 4 hours to `long`). The window `sun:02:00-sun:06:00` opens 14 hours in, in the middle of the
            arrivals; the cluster's tags make the rotation due (`rotation-max-age` 1h) under the policy of the column.
            Without a rotation the last job ends {Relative(baseline.Jobs.Max(j => j.End) ?? baseline.WindowOpensAt, baseline.WindowOpensAt)}.
            """);
        b.AppendLine();
        if (Reading(policies) is { } reading)
        {
            b.AppendLine(reading);
            b.AppendLine();
        }
        b.AppendLine("""
            **Reading the rows.** A job *killed and requeued* was running on a node when the scale-down took it (PCS requeues
            it, guide L3480): its work is lost and it runs again from the start after the restore. *Delay*: how much later
            each job completed than in the run without a rotation (only jobs that completed later are counted; the held
            and killed jobs, and those queued behind them). *Node-hours held idle*: while the automation's reservation or
            drain exists and before the scale-down, each queue counts min(its pending jobs, its groups' nodes not running
            a job, up to max): nodes a waiting job could have had but for the protection. *Wait before the scale-down*:
            from the reservation or drain applied at the window's start to `ScaleNodeGroupsToZero`. `requeue` scales down at
            once; `drain` stops new jobs at the window's start and waits (bounded) for the running ones; `reserve` keeps
            any job that would still run at the window's opening from starting, from the notice on, so the window opens
            idle and only jobs already running before the notice can still be caught.
            """);
        b.AppendLine(SectionEnd);
        return b.ToString();
    }

    /// <summary>What the numbers say, when all three policies ran.</summary>
    private static string? Reading(IReadOnlyList<CaseSummary> policies)
    {
        CaseSummary? Of(string policy) => policies.FirstOrDefault(p => p.Result.Case.Policy == policy);
        if (Of("requeue") is not { } requeue || Of("drain") is not { } drain || Of("reserve") is not { } reserve) return null;
        string Hours(double hours) => hours.ToString("0", Invariant);
        return string.Create(Invariant, $"""
            **Reading.** `reserve` ended {reserve.Requeued} job(s), against {requeue.Requeued} under `requeue` ({Hours(requeue.LostNodeHours)} node-hours of
            work lost) and {drain.Requeued} under `drain` ({Hours(drain.LostNodeHours)}: its bounded wait lets only the jobs that end within it
            finish). It pays in waiting rather than in lost work: from the notice on, every job whose time limit reaches
            into the window waits for the rotation to end, so {reserve.Delayed} jobs completed later ({Hours(reserve.DelayJobHours)} job-hours of delay, against
            {Hours(requeue.DelayJobHours)} under `requeue`, which restarts the jobs it ends) and nodes stood idle for {Hours(reserve.Result.HeldNodeHours)} node-hours. The earlier
            the notice (stack parameter `RotationNoticeLeadTime`, 24 hours by default) and the longer the jobs' time limits
            against their run times (Slurm plans by the limit), the more it holds.
            """);
    }

    /// <summary>Replaces the section between the markers, else appends it; the rest of the file is kept as is.</summary>
    public static string Merge(string? existing, string section) => MarkdownSection.Merge(existing, section, SectionStart, SectionEnd);

    /// <summary>"+0:41" or "−14:00" from the window's opening.</summary>
    public static string Relative(DateTimeOffset at, DateTimeOffset windowOpensAt)
    {
        var offset = at - windowOpensAt;
        var sign = offset < TimeSpan.Zero ? "−" : "+";
        var abs = offset.Duration();
        return string.Create(Invariant, $"{sign}{(int)abs.TotalHours}:{abs.Minutes:00}");
    }

    public static string Duration(TimeSpan duration) =>
        duration < TimeSpan.FromHours(1)
            ? string.Create(Invariant, $"{(int)duration.TotalMinutes} min")
            : string.Create(Invariant, $"{(int)duration.TotalHours} h {duration.Minutes:00}");

    private static string N(int value) => value.ToString("N0", Invariant);
}
