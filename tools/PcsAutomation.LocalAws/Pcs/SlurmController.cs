namespace PcsAutomation.LocalAws.Pcs;

/// <summary>
/// What slurmctld keeps about a cluster's nodes besides the instances behind them: drained nodes with their reason
/// (<c>scontrol update nodename=... state=DRAIN reason=...</c>, v0.0.43 <c>POST /node/{node_name}</c>) and advanced
/// reservations (<c>POST /reservation</c>). Neither survives in PCS's API: the 19 operations of
/// <c>../shared/reference/botocore/pcs.service-2.json</c> have no node or reservation.
/// </summary>
public sealed class SlurmController
{
    /// <summary>Drained nodes by name. Slurm keeps the flag on the node name, whether an instance runs behind it or not.</summary>
    public Dictionary<string, SlurmNodeDrain> Drains { get; } = new(StringComparer.Ordinal);

    /// <summary>Reservations in creation order; one is gone once its end time has passed (it does not recur here).</summary>
    public List<SlurmAdvancedReservation> Reservations { get; } = [];

    /// <summary>The last change to a node's drain state or to a reservation (the responses' <c>last_update</c>).</summary>
    public DateTimeOffset LastNodeUpdate { get; set; }

    public DateTimeOffset LastReservationUpdate { get; set; }

    /// <summary>Reservations not yet over at <paramref name="now"/>; those over are forgotten, as slurmctld purges them.</summary>
    public IReadOnlyList<SlurmAdvancedReservation> CurrentReservations(DateTimeOffset now)
    {
        Reservations.RemoveAll(r => r.End <= now);
        return Reservations;
    }

    public SlurmAdvancedReservation? FindReservation(string name, DateTimeOffset now) =>
        CurrentReservations(now).FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A drained node: the reason given, when, and by whom (v0.0.43 <c>node</c>: reason, reason_changed_at, reason_set_by_user).</summary>
public sealed record SlurmNodeDrain(string Reason, DateTimeOffset Since, string User);
