using System.Text;

namespace PcsAutomation.Slurm.Model;

/// <summary>
/// A maintenance reservation to create: nodes and a window. Created with flags MAINT and IGNORE_JOBS for the token's
/// user (https://slurm.schedmd.com/reservations.html, "Reservation Creation": <c>user=root flags=maint,ignore_jobs</c>):
/// jobs already running keep running, and "only jobs that can complete by the reservation time will be initiated".
/// </summary>
public sealed record SlurmMaintenanceReservation
{
    public SlurmMaintenanceReservation(string name, IReadOnlyList<string> nodeNames, DateTimeOffset start, DateTimeOffset end, string comment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(nodeNames);
        ArgumentNullException.ThrowIfNull(comment);
        if (name.Any(c => char.IsWhiteSpace(c) || c is ',' or '/'))
            throw new ArgumentException($"A reservation name has no spaces, commas or slashes: '{name}'.", nameof(name));
        if (nodeNames.Count == 0)
            throw new ArgumentException($"Reservation {name} names no node: a maintenance reservation holds at least one.", nameof(nodeNames));
        var bad = nodeNames.FirstOrDefault(n => string.IsNullOrWhiteSpace(n) || n.Any(c => char.IsWhiteSpace(c) || c == ','));
        if (bad is not null)
            throw new ArgumentException($"Reservation {name} names a node '{bad}' that is not a node name.", nameof(nodeNames));
        if (end <= start)
            throw new ArgumentException($"Reservation {name} ends ({end:O}) no later than it starts ({start:O}).", nameof(end));
        Name = name;
        NodeNames = nodeNames;
        Start = start;
        End = end;
        Comment = comment;
    }

    public string Name { get; }

    public IReadOnlyList<string> NodeNames { get; }

    /// <summary>Sent in whole seconds, rounded down (the reservation may start up to a second early, never late).</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Sent in whole seconds, rounded up.</summary>
    public DateTimeOffset End { get; }

    /// <summary>Shown by <c>scontrol show res</c>: say which workflow and execution, and why.</summary>
    public string Comment { get; }

    /// <summary>The flags sent: MAINT, IGNORE_JOBS.</summary>
    public static IReadOnlyList<string> Flags { get; } = [SlurmStates.Maint, SlurmStates.IgnoreJobs];

    /// <summary>"pcs-automation-run-1": a name derived from the execution, so a retried step updates the same reservation.</summary>
    public static string NameFor(string executionName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executionName);
        var name = new StringBuilder("pcs-automation-");
        foreach (var c in executionName)
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-');
        return name.ToString();
    }
}
