namespace PcsAutomation.LocalAws.Pcs;

/// <summary>
/// What an administrator asks slurmctld to change (through <c>scontrol</c> or slurmrestd): drain and resume nodes, make
/// and delete reservations. Every check runs before anything changes, so a refused request changes nothing (Slurm
/// itself updates the valid nodes of a list and reports the others). Errors carry Slurm's numbers
/// (<see cref="SlurmErrors"/>); checks and messages follow slurmctld 25.05 (SchedMD/slurm, branch slurm-25.05:
/// <c>src/slurmctld/node_mgr.c</c> <c>update_node</c>, <c>src/slurmctld/reservation.c</c>,
/// <c>src/common/slurm_protocol_defs.c</c> <c>validate_resv_create_desc</c>).
/// </summary>
public sealed partial class PcsFleet
{
    public const string Drain = "DRAIN";
    public const string Resume = "RESUME";
    public const string Undrain = "UNDRAIN";

    /// <summary>How far in the past a reservation may start or end (slurmctld's <c>MAX_RESV_DELAY</c>, 600 s).</summary>
    private static readonly TimeSpan MaxReservationDelay = TimeSpan.FromSeconds(600);

    /// <summary>
    /// DRAIN (no new job starts; a running one finishes), RESUME (clears DRAIN; refused on a node that is not drained,
    /// <c>_valid_node_state_change</c>) or UNDRAIN (clears DRAIN) on the named nodes.
    /// </summary>
    public void UpdateNodes(PcsCluster cluster, IReadOnlyList<string> nodes, string state, string? reason, string user)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(nodes);
        var known = SlurmNodeGroups(cluster).SelectMany(NodeNames).ToHashSet(StringComparer.Ordinal);
        if (nodes.Count == 0) throw new SlurmException(SlurmErrors.InvalidNodeName, "No node named", "update_node");
        if (nodes.FirstOrDefault(n => !known.Contains(n)) is { } unknown)
            throw new SlurmException(SlurmErrors.InvalidNodeName, $"Invalid node name {unknown}", "update_node");
        if (state is not (Drain or Resume or Undrain))
            throw new SlurmException(SlurmErrors.InvalidNodeState,
                $"Node state {state} is not emulated; the emulated slurmctld takes DRAIN, RESUME or UNDRAIN", "update_node");
        if (state == Resume && nodes.FirstOrDefault(n => !cluster.Slurm.Drains.ContainsKey(n)) is { } notDrained)
            throw new SlurmException(SlurmErrors.InvalidNodeState, $"Invalid node state transition requested for node {notDrained} from=IDLE to=RESUME", "update_node");

        var now = world.Now;
        foreach (var node in nodes)
        {
            if (state == Drain) cluster.Slurm.Drains[node] = new SlurmNodeDrain(reason ?? "", now, user);
            else cluster.Slurm.Drains.Remove(node);
        }
        cluster.Slurm.LastNodeUpdate = now;
        ScheduleJobs(cluster);
    }

    /// <summary>Creates a reservation (<c>slurm_create_reservation</c>), or updates the one of that name (<c>slurm_update_reservation</c>).</summary>
    public SlurmAdvancedReservation CreateOrUpdateReservation(PcsCluster cluster, SlurmReservationRequest request)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(request);
        var existing = cluster.Slurm.FindReservation(request.Name, world.Now);
        var reservation = existing is null ? NewReservation(cluster, request) : UpdatedReservation(cluster, existing, request);
        if (existing is null) cluster.Slurm.Reservations.Add(reservation);
        cluster.Slurm.LastReservationUpdate = world.Now;
        // Jobs held back by it may start once it is over.
        if (reservation.End > world.Now)
            world.After(reservation.End - world.Now, $"reservation {reservation.Name} of {cluster.Id} ends", () => ScheduleJobs(cluster));
        ScheduleJobs(cluster);
        return reservation;
    }

    public void DeleteReservation(PcsCluster cluster, string name)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var reservation = cluster.Slurm.FindReservation(name, world.Now)
                          ?? throw new SlurmException(SlurmErrors.ReservationInvalid, $"Error deleting reservation {name}", "slurm_delete_reservation");
        cluster.Slurm.Reservations.Remove(reservation);
        cluster.Slurm.LastReservationUpdate = world.Now;
        ScheduleJobs(cluster);
    }

    private SlurmAdvancedReservation NewReservation(PcsCluster cluster, SlurmReservationRequest request)
    {
        var now = world.Now;
        var (start, end) = ValidateCreation(request);
        var failed = $"Error creating reservation  {request.Name}"; // sic: two spaces, slurmrestd's _create_resv
        if (start < now - MaxReservationDelay || end < now - MaxReservationDelay)
            throw new SlurmException(SlurmErrors.InvalidTimeValue, failed, "slurm_create_reservation");
        if (start < now) start = now;
        var nodes = ResolveNodes(cluster, request, failed);
        var reservation = new SlurmAdvancedReservation
        {
            Name = request.Name, Start = start, End = end, Nodes = nodes, Users = request.Users, Accounts = request.Accounts,
            Partition = request.Partition, Comment = request.Comment,
        };
        ApplyFlags(reservation, request.Flags);
        CheckOverlaps(cluster, reservation, failed);
        return reservation;
    }

    /// <summary>Members given replace the reservation's; flags are added, <c>NO_</c> flags removed (v0.0.43 reservation_desc_msg.flags).</summary>
    private SlurmAdvancedReservation UpdatedReservation(PcsCluster cluster, SlurmAdvancedReservation existing, SlurmReservationRequest request)
    {
        var failed = $"Error updating reservation {request.Name}";
        var start = request.Start ?? existing.Start;
        var end = request.End ?? (request.DurationMinutes is { } minutes ? start.AddMinutes(minutes) : existing.End);
        if (end <= start || end < world.Now - MaxReservationDelay)
            throw new SlurmException(SlurmErrors.InvalidTimeValue, failed, "slurm_update_reservation");
        var nodes = request.NodeList is not null || request.Partition is not null ? ResolveNodes(cluster, request, failed) : existing.Nodes;
        var updated = new SlurmAdvancedReservation
        {
            Name = existing.Name, Start = start, End = end, Nodes = nodes,
            Users = request.Users.Count > 0 ? request.Users : existing.Users,
            Accounts = request.Accounts.Count > 0 ? request.Accounts : existing.Accounts,
            Partition = request.Partition ?? existing.Partition, Comment = request.Comment ?? existing.Comment,
        };
        updated.Flags.UnionWith(existing.Flags);
        ApplyFlags(updated, request.Flags);
        CheckOverlaps(cluster, updated, failed, existing);
        (existing.Start, existing.End, existing.Nodes, existing.Users, existing.Accounts, existing.Partition, existing.Comment) =
            (updated.Start, updated.End, updated.Nodes, updated.Users, updated.Accounts, updated.Partition, updated.Comment);
        existing.Flags.Clear();
        existing.Flags.UnionWith(updated.Flags);
        return existing;
    }

    /// <summary><c>validate_resv_create_desc</c>'s checks, in its order and with its messages.</summary>
    private static (DateTimeOffset Start, DateTimeOffset End) ValidateCreation(SlurmReservationRequest request)
    {
        static SlurmException Invalid(string message) => new(SlurmErrors.ReservationInvalid, message, "validate_resv_create_desc");
        if (request.Start is not { } start) throw Invalid("A start time must be given.  No reservation created.");
        if (request.End is null && request.DurationMinutes is null) throw Invalid("An end time or duration must be given.  No reservation created.");
        if (request.End is { } given && request.DurationMinutes is { } minutes && start.AddMinutes(minutes) != given)
            throw Invalid("StartTime + Duration does not equal EndTime.  No reservation created.");
        var end = request.End ?? start.AddMinutes(request.DurationMinutes!.Value);
        if (start > end) throw Invalid("Start time cannot be after end time.  No reservation created.");
        if (request.NodeList is null && request.Partition is null && request.NodeCount is null)
            throw Invalid("CoreCnt, Nodes, NodeCnt, TRES or Watts must be specified.  No reservation created.");
        if (request.Users.Count == 0 && request.Accounts.Count == 0 && request.Groups.Count == 0)
            throw Invalid("Either Users/Groups and/or Accounts must be specified.  No reservation created.");
        if (request.Users.Count > 0 && request.Groups.Count > 0)
            throw Invalid("Users and Groups are mutually exclusive.  You can have one or the other, but not both.  No reservation created.");
        return (start, end);
    }

    /// <summary>The nodes named (hostlist expressions or <c>ALL</c>), or those of the partition's groups.</summary>
    private static List<string> ResolveNodes(PcsCluster cluster, SlurmReservationRequest request, string failed)
    {
        var all = SlurmNodeGroups(cluster).SelectMany(NodeNames).ToList();
        if (request.NodeList is { } list)
        {
            if (list.Count == 1 && string.Equals(list[0], "ALL", StringComparison.OrdinalIgnoreCase)) return all;
            List<string> named;
            try
            {
                named = list.SelectMany(e => Hostlist.Expand(e)).Distinct(StringComparer.Ordinal).ToList();
            }
            catch (FormatException)
            {
                throw new SlurmException(SlurmErrors.InvalidNodeName, failed, "slurm_create_reservation");
            }
            if (named.Count == 0 || named.Any(n => !all.Contains(n, StringComparer.Ordinal)))
                throw new SlurmException(SlurmErrors.InvalidNodeName, failed, "slurm_create_reservation");
            return named;
        }
        if (request.Partition is { } partition)
        {
            var queue = cluster.FindQueue(partition) ?? throw new SlurmException(SlurmErrors.ReservationInvalid, failed, "slurm_create_reservation");
            return queue.ComputeNodeGroupIds.Select(id => cluster.NodeGroups.GetValueOrDefault(id)).OfType<ComputeNodeGroup>().SelectMany(NodeNames).ToList();
        }
        // slurmctld would pick node_count idle nodes; the emulator asks for them by name.
        throw new SlurmException(SlurmErrors.ReservationInvalid,
            $"{failed}: node_count without node_list or partition is not emulated; name the nodes", "slurm_create_reservation");
    }

    private static void ApplyFlags(SlurmAdvancedReservation reservation, IReadOnlyList<string> flags)
    {
        foreach (var flag in flags)
        {
            if (flag.StartsWith("NO_", StringComparison.Ordinal)) reservation.Flags.Remove(flag[3..]);
            else reservation.Flags.Add(flag);
        }
    }

    /// <summary>
    /// <c>_resv_overlap</c>: a reservation that is neither MAINT nor OVERLAP may not share nodes and time with another that is
    /// neither; <c>_job_overlap</c>: without IGNORE_JOBS, no running job on its nodes may still be expected to run at its start.
    /// </summary>
    private void CheckOverlaps(PcsCluster cluster, SlurmAdvancedReservation candidate, string failed, SlurmAdvancedReservation? self = null)
    {
        static bool MayOverlap(SlurmAdvancedReservation r) => r.Flags.Contains(SlurmAdvancedReservation.Maint) || r.Flags.Contains(SlurmAdvancedReservation.Overlap);
        var source = self is null ? "slurm_create_reservation" : "slurm_update_reservation";
        if (!MayOverlap(candidate) && Reservations(cluster).Any(r => r != self && !MayOverlap(r)
                && r.Overlaps(candidate.Start, candidate.End) && r.Nodes.Intersect(candidate.Nodes, StringComparer.Ordinal).Any()))
            throw new SlurmException(SlurmErrors.ReservationOverlap, failed, source);
        if (candidate.Flags.Contains(SlurmAdvancedReservation.IgnoreJobs)) return;
        var nodes = candidate.Nodes.ToHashSet(StringComparer.Ordinal);
        var busy = cluster.Jobs.Where(j => j.State == SlurmJob.Running && j.ExpectedEnd > candidate.Start)
            .Select(j => j.InstanceId is { } id ? world.Instances.GetValueOrDefault(id)?.SlurmNodeName : null);
        if (busy.Any(n => n is not null && nodes.Contains(n)))
            throw new SlurmException(SlurmErrors.NodesBusy, failed, source);
    }
}

/// <summary>
/// A reservation as asked for (v0.0.43 <c>reservation_desc_msg</c>): times resolved, node lists as given (hostlist
/// expressions or <c>ALL</c>), lists split.
/// </summary>
public sealed record SlurmReservationRequest(string Name)
{
    public DateTimeOffset? Start { get; init; }
    public DateTimeOffset? End { get; init; }
    public long? DurationMinutes { get; init; }
    public IReadOnlyList<string>? NodeList { get; init; }
    public int? NodeCount { get; init; }
    public string? Partition { get; init; }
    public IReadOnlyList<string> Flags { get; init; } = [];
    public IReadOnlyList<string> Users { get; init; } = [];
    public IReadOnlyList<string> Accounts { get; init; } = [];
    public IReadOnlyList<string> Groups { get; init; } = [];
    public string? Comment { get; init; }
}
