using System.Globalization;
using PcsAutomation.Cli.Emulator;
using Spectre.Console;

namespace PcsAutomation.Cli.CapacityBlocks;

/// <summary>
/// In the emulator only: the world a few minutes after the block's end, as Slurm would show it (no AWS API shows jobs or
/// queues: PCS has no such operation, guide L10391-10402; on a real cluster it takes <c>squeue</c> on a login node).
/// The virtual clock moves on to then, so EC2's termination of the block's instances has happened; each queue the expiry
/// changed or that lists a group it acted on says how many jobs run and wait, which groups could run them now, and
/// whether it holds its jobs with no group to run them (what the expiry exists to prevent, guide L3423-3427, L3484).
/// </summary>
internal static class SlurmAfterEnd
{
    public static readonly TimeSpan AfterEnd = TimeSpan.FromMinutes(5);

    public static async Task ShowAsync(IAnsiConsole console, EmulatorSession emulator, DateTimeOffset end, IReadOnlyList<ClusterReport> clusters)
    {
        var aws = emulator.Aws;
        var at = end + AfterEnd;
        if (aws.Clock.GetUtcNow() < at)
            await aws.RunUntilAsync(() => false, at - aws.Clock.GetUtcNow()).ConfigureAwait(false);
        console.WriteLine();
        console.WriteLine($"Slurm in the emulator at {CapacityText.Timestamp(aws.Clock.GetUtcNow())}, {CapacityText.Span(AfterEnd)} after the block's end (what squeue would show):");
        var queues = clusters.SelectMany(c => aws.Slurm.Queues(c.ClusterId)
            .Where(q => c.QueueNames.Contains(q.Queue, StringComparer.Ordinal) || q.NodeGroups.Any(g => c.NodeGroupNames.Contains(g, StringComparer.Ordinal))));
        foreach (var queue in queues)
        {
            var line = string.Create(CultureInfo.InvariantCulture,
                $"  {queue.Cluster}/{queue.Queue}: {queue.RunningJobs} running, {queue.PendingJobs} pending; node groups {string.Join(", ", queue.NodeGroups)}; can run jobs now: {(queue.NodeGroupsThatCanRun.Count == 0 ? "none" : string.Join(", ", queue.NodeGroupsThatCanRun))}");
            console.MarkupLine(queue.HoldsJobs ? $"[red]{Markup.Escape(line)}: HOLDS ITS JOBS[/]" : Markup.Escape(line));
        }
    }
}
