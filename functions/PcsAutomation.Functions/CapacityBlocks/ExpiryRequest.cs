using System.Globalization;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Functions.Workflows;

namespace PcsAutomation.Functions.CapacityBlocks;

/// <summary>
/// The expiry's input, checked: <c>reservationId</c> a Capacity Reservation id, <c>endDate</c> an ISO-8601 date and time
/// with its offset (EC2's <c>EndDate</c> as the trigger read it), <c>mode</c> <c>expire</c> or <c>restore</c>,
/// <c>trigger</c> free text (what started it), <c>dryRun</c>. Each problem is <see cref="InvalidWorkflowInput"/> naming
/// the field. <see cref="Stage"/> says which plan is asked for.
/// </summary>
internal sealed record ExpiryRequest(
    string ReservationId, DateTimeOffset EndDate, string Mode, string Trigger, bool DryRun, IReadOnlyList<string>? NodeGroupIds, string? ClusterId)
{
    public const string FirstPlan = "plan";
    public const string Recheck = "recheck";
    public const string ClusterStage = "cluster";

    /// <summary>A trigger's text is kept for the logs and the output; longer ones are cut.</summary>
    private const int MaxTriggerLength = 200;

    public string Stage => ClusterId is not null ? ClusterStage : NodeGroupIds is not null ? Recheck : FirstPlan;

    public static ExpiryRequest Validate(PlanCapacityBlockExpiryInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var id = WorkflowInput.Required(input.ReservationId, "reservationId");
        if (!ReservationIds.IsValid(id))
            throw new InvalidWorkflowInput($"reservationId '{WorkflowInput.Clip(id)}' is not a Capacity Reservation id: {ReservationIds.Expected}.");
        var end = ParseEndDate(WorkflowInput.Required(input.EndDate, "endDate"));
        var mode = input.Mode is null ? CapacityBlockNotifications.ExpireMode : input.Mode.Trim();
        if (mode is not (CapacityBlockNotifications.ExpireMode or CapacityBlockNotifications.RestoreMode))
            throw new InvalidWorkflowInput($"mode '{WorkflowInput.Clip(mode)}' is not {CapacityBlockNotifications.ExpireMode} or {CapacityBlockNotifications.RestoreMode}.");
        var trigger = string.IsNullOrWhiteSpace(input.Trigger) ? "manual" : input.Trigger.Trim();
        if (trigger.Length > MaxTriggerLength)
            trigger = trigger[..MaxTriggerLength];
        var groups = input.NodeGroupIds?.Select((g, i) => WorkflowInput.Required(g, $"nodeGroupIds[{i}]")).ToList();
        var cluster = input.ClusterId is null ? null : WorkflowInput.ClusterId(input.ClusterId);
        return new ExpiryRequest(id, end, mode, trigger, input.DryRun ?? false, groups, cluster);
    }

    /// <summary>ISO 8601 with an offset (<c>2026-03-02T11:30:00Z</c>, as EC2 writes <c>EndDate</c>); a date without one is refused rather than guessed.</summary>
    private static DateTimeOffset ParseEndDate(string text)
    {
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];
        if (DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var end) && (text.EndsWith('Z') || text[^6] is '+' or '-'))
            return end.ToUniversalTime();
        throw new InvalidWorkflowInput($"endDate '{WorkflowInput.Clip(text)}' is not an ISO-8601 date and time with its offset, as EC2 gives EndDate (2026-03-02T11:30:00Z).");
    }
}
