using PcsAutomation.Slurm.Model;

namespace PcsAutomation.Slurm.Wire;

/// <summary>The wire records onto the client's model: unset, zero and infinite times become null.</summary>
internal static class WireMapping
{
    public static SlurmPing ToPing(WirePing ping) => new(
        ping.Hostname ?? "",
        ping.Responding ?? false,
        ping.Primary ?? false,
        ping.Latency is { } micros ? TimeSpan.FromMicroseconds(micros) : null);

    public static SlurmJob ToJob(WireJob job) => new()
    {
        JobId = job.JobId ?? 0,
        Name = job.Name ?? "",
        UserName = job.UserName ?? "",
        States = job.JobState ?? [],
        StateReason = NullIfEmptyOrNone(job.StateReason),
        Partition = job.Partition ?? "",
        Nodes = NullIfEmptyOrNone(job.Nodes),
        SubmitTime = Time(job.SubmitTime),
        StartTime = Time(job.StartTime),
        EndTime = Time(job.EndTime),
        TimeLimit = job.TimeLimit?.Value is { } minutes and > 0 ? TimeSpan.FromMinutes(minutes) : null,
    };

    public static SlurmNode ToNode(WireNode node) => new()
    {
        Name = node.Name ?? "",
        States = node.State ?? [],
        Reason = NullIfEmptyOrNone(node.Reason),
        ReasonSetByUser = NullIfEmptyOrNone(node.ReasonSetByUser),
        ReasonChangedAt = Time(node.ReasonChangedAt),
        Partitions = node.Partitions ?? [],
        Reservation = NullIfEmptyOrNone(node.Reservation),
    };

    public static SlurmReservation ToReservation(WireReservation reservation) => new()
    {
        Name = reservation.Name ?? "",
        NodeList = NullIfEmptyOrNone(reservation.NodeList),
        StartTime = Time(reservation.StartTime),
        EndTime = Time(reservation.EndTime),
        Flags = reservation.Flags ?? [],
        Users = NullIfEmptyOrNone(reservation.Users),
        Partition = NullIfEmptyOrNone(reservation.Partition),
    };

    /// <summary>The body of POST /reservation for a maintenance window held by <paramref name="user"/>.</summary>
    public static WireReservationDescription ToDescription(SlurmMaintenanceReservation reservation, string user) => new()
    {
        Name = reservation.Name,
        NodeList = [.. reservation.NodeNames],
        StartTime = WireNoVal.Of(reservation.Start.ToUnixTimeSeconds()),
        EndTime = WireNoVal.Of(CeilingSeconds(reservation.End)),
        Flags = [.. SlurmMaintenanceReservation.Flags],
        Users = [user],
        Comment = reservation.Comment,
    };

    private static DateTimeOffset? Time(WireNoVal? value) =>
        value?.Value is { } seconds and > 0 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    private static long CeilingSeconds(DateTimeOffset time)
    {
        var seconds = time.ToUnixTimeSeconds();
        return DateTimeOffset.FromUnixTimeSeconds(seconds) < time ? seconds + 1 : seconds;
    }

    // slurmrestd prints an unset string as "" or, for some members, "(null)"
    private static string? NullIfEmptyOrNone(string? text) => string.IsNullOrEmpty(text) || text == "(null)" ? null : text;
}
