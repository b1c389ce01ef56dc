using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.Configuration;
using PcsAutomation.Functions.CapacityBlocks;

namespace PcsAutomation.Cli.CapacityBlocks;

/// <summary>
/// What <c>capacity-blocks list</c> shows, built from what was read and the clock (pure): every Capacity Block of the
/// account and Region, and every other reservation a node group uses, soonest end first; per block its timing, the time
/// left, the groups using it with the action the expiry would take (the workflow's own planning,
/// <see cref="CapacityExpiryPlans"/>: a group of a cluster it does not manage is left alone, and says why), and its
/// findings and notes; then the groups on interruptible reservations and the findings tied to no listed block.
/// </summary>
/// <param name="Now">The clock read: the emulator's virtual clock or the real one.</param>
public sealed record CapacityListing(
    DateTimeOffset Now,
    TimeSpan Lead,
    IReadOnlyList<ListedBlock> Blocks,
    IReadOnlyList<GroupUse> Interruptible,
    IReadOnlyList<CapacityFinding> OtherFindings,
    IReadOnlyList<CapacityFinding> OtherNotes)
{
    /// <param name="defaults">The stack's defaults (the managed tag key): which clusters the workflow acts on.</param>
    public static CapacityListing Build(CapacityFacts facts, DateTimeOffset now, CapacityBlockExpiryOptions options, AutomationDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(defaults);
        var usage = facts.Usage();
        var byId = facts.Reservations.GroupBy(r => r.ReservationId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var ids = facts.Reservations.Where(r => r.IsCapacityBlock()).Select(r => r.ReservationId)
            .Concat(usage.Blocks.Select(b => b.ReservationId))
            .Distinct(StringComparer.Ordinal);
        var blocks = ids
            .Select(id => Block(id, byId.GetValueOrDefault(id), facts, usage, now, options, defaults))
            .OrderBy(b => b.Reservation?.EndDate ?? DateTimeOffset.MaxValue)
            .ThenBy(b => b.ReservationId, StringComparer.Ordinal)
            .ToList();
        var listed = blocks.Select(b => b.ReservationId).ToHashSet(StringComparer.Ordinal);
        bool Elsewhere(CapacityFinding f) => f.ReservationId is null || !listed.Contains(f.ReservationId);
        return new CapacityListing(
            now,
            options.Lead,
            blocks,
            usage.Groups.Where(g => g.Kind == UsageKinds.Interruptible).ToList(),
            usage.Findings.Where(Elsewhere).ToList(),
            usage.Notes.Where(Elsewhere).ToList());
    }

    private static ListedBlock Block(
        string id, CapacityReservationFacts? reservation, CapacityFacts facts, CapacityUsage usage, DateTimeOffset now, CapacityBlockExpiryOptions options,
        AutomationDefaults defaults)
    {
        var groups = usage.GroupsOf(id);
        var findings = usage.FindingsOf(id);
        var notes = usage.Notes.Where(n => n.ReservationId == id).ToList();
        if (reservation is null)
            return new ListedBlock(id, null, null, null, groups.Select(g => new ListedGroup(g, null)).ToList(), "EC2 does not list this reservation in this account and Region", findings, notes);
        if (!reservation.IsCapacityBlock())
            return new ListedBlock(id, reservation, null, null, groups.Select(g => new ListedGroup(g, null)).ToList(), $"reservation type {reservation.ReservationType}: the expiry acts on Capacity Blocks only", findings, notes);
        if (reservation.EndDate is not { } end)
            return new ListedBlock(id, reservation, null, null, groups.Select(g => new ListedGroup(g, null)).ToList(), "no end date: it does not expire", findings, notes);
        if (end <= now || CapacityReservationStates.IsOver(reservation.State))
            return new ListedBlock(id, reservation, ExpiryTiming.For(reservation, options.Lead, ExpiryDurations.Overhead), null,
                groups.Select(g => new ListedGroup(g, null)).ToList(), $"over ({reservation.State}): nothing left to plan", findings, notes);

        var plan = CapacityExpiryPlans.Expire(facts, id, null, [], now, options)!;
        var actions = plan.Clusters.SelectMany(c => c.Groups).ToDictionary(a => a.NodeGroupId, StringComparer.Ordinal);
        return new ListedBlock(id, reservation, plan.Timing, plan,
            groups.Select(g => g.Kind == UsageKinds.CapacityBlock
                ? new ListedGroup(g, actions.GetValueOrDefault(g.NodeGroupId), CapacityExpiryPlans.Unmanaged(facts, g.ClusterId, defaults))
                : new ListedGroup(g, null)).ToList(),
            null, plan.Findings, plan.Notes);
    }
}

/// <summary>
/// One listed reservation: the facts EC2 gave (null when it does not list the id a group names), the timing of its end
/// (null without an end date), the plan (null when there is nothing to plan, and <see cref="NoPlan"/> says why), the
/// groups using it with their planned actions, and its findings and notes.
/// </summary>
public sealed record ListedBlock(
    string ReservationId,
    CapacityReservationFacts? Reservation,
    ExpiryTiming? Timing,
    ExpiryPlan? Plan,
    IReadOnlyList<ListedGroup> Groups,
    string? NoPlan,
    IReadOnlyList<CapacityFinding> Findings,
    IReadOnlyList<CapacityFinding> Notes)
{
    /// <summary>Until the end (negative once over); null without an end date.</summary>
    public TimeSpan? TimeLeft(DateTimeOffset now) => Reservation?.EndDate - now;

    /// <summary>Until EC2 begins terminating the block's instances; null without an end date.</summary>
    public TimeSpan? TimeToTermination(DateTimeOffset now) => Timing?.TerminationAt - now;
}

/// <summary>A group's use of a block and the action the expiry plans for it (null: not acted on, or nothing planned).</summary>
/// <param name="LeftAlone">Why the workflow leaves the group's cluster alone (not managed, an invalid tag); null when it acts on it.</param>
public sealed record ListedGroup(GroupUse Use, GroupExpiryAction? Action, string? LeftAlone = null);
