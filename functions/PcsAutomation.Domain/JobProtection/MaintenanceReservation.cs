using PcsAutomation.Domain.CapacityBlocks;

namespace PcsAutomation.Domain.JobProtection;

/// <summary>
/// The Slurm reservation <c>reserve</c> asks for: created at <see cref="CreateAt"/> (the window's announcement, a
/// Capacity Block's discovery), active from <see cref="StartsAt"/> to <see cref="EndsAt"/> on the nodes of
/// <see cref="NodeGroups"/> (empty: every node of the cluster). Slurm starts a job on reserved nodes only when its time
/// limit ends before the reservation starts, so from <see cref="CreateAt"/> no job starts that would still run at
/// <see cref="StartsAt"/> (https://slurm.schedmd.com/reservations.html). Plain data: handlers serialize it.
/// </summary>
/// <param name="Flags">
/// <c>MAINT</c> ("identify the reservation for accounting purposes as system maintenance") and <c>IGNORE_JOBS</c> (it is
/// created although jobs already running will overlap it: those are what the wait at <see cref="StartsAt"/> is for),
/// as reservations.html uses them for a system down time.
/// </param>
public sealed record MaintenanceReservation(
    string Name, DateTimeOffset CreateAt, DateTimeOffset StartsAt, DateTimeOffset EndsAt, IReadOnlyList<string> NodeGroups, IReadOnlyList<string> Flags)
{
    public static readonly IReadOnlyList<string> MaintenanceFlags = ["MAINT", "IGNORE_JOBS"];

    /// <summary>The reservation named <paramref name="name"/> for <paramref name="window"/>, created at <paramref name="createAt"/>.</summary>
    public static MaintenanceReservation For(string name, DateTimeOffset createAt, JobProtectionWindow window, IReadOnlyList<string>? nodeGroups = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(window);
        return new(name, createAt, window.Start, window.End, [.. (nodeGroups ?? []).Order(StringComparer.Ordinal)], MaintenanceFlags);
    }

    public override string ToString() =>
        $"Slurm reservation {Name} (MAINT) on {(NodeGroups.Count == 0 ? "every node" : $"the nodes of {string.Join(", ", NodeGroups)}")} from {Times.Format(StartsAt)} to {Times.Format(EndsAt)}";
}
