using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PcsAutomation.Domain.Workflows;

/// <summary>
/// Step Functions execution names. A name is unique per state machine, so a deterministic name turns a second start
/// for the same window (or the same minute) into ExecutionAlreadyExists, which callers treat as a no-op. Names are
/// 1-80 characters of [A-Za-z0-9-_] (a safe subset of what Step Functions accepts) and start with the workflow's
/// <see cref="WorkflowKind.ExecutionPrefix"/>.
/// </summary>
public static class ExecutionNames
{
    public const int MaxLength = 80;

    private const string TimeFormat = "yyyyMMdd'T'HHmm";

    // The longest name is <prefix>-<id>-manual-yyyyMMddTHHmm (or -notice-): prefix + 1 + id + 8 + 13 characters.
    private const int FixedLength = 1 + 8 + 13;

    // Sanitized ids keep a readable prefix and end with -<10 hex of SHA-256(original id)> to stay unique.
    private const int HashHexLength = 10;

    /// <summary>"rotate-pcs_abc-20260111T0200": one execution per cluster and window occurrence.</summary>
    public static string ForWindow(WorkflowKind workflow, string clusterId, DateTimeOffset windowOpenedAt) =>
        $"{Start(workflow)}-{SafeId(workflow, clusterId)}-{Minute(windowOpenedAt)}";

    /// <summary>"rotate-pcs_abc-manual-20260111T0312": truncated to the minute, so a double start is one execution.</summary>
    public static string OnDemand(WorkflowKind workflow, string clusterId, DateTimeOffset now) =>
        $"{Start(workflow)}-{SafeId(workflow, clusterId)}-manual-{Minute(now)}";

    /// <summary>"rotate-pcs_abc-notice-20260111T0200": the advance notice of the window opening then, sent once.</summary>
    public static string NoticeForWindow(WorkflowKind workflow, string clusterId, DateTimeOffset windowOpensAt) =>
        $"{Start(workflow)}-{SafeId(workflow, clusterId)}-notice-{Minute(windowOpensAt)}";

    /// <summary>Budgets of the parts of the image-keyed names below (the longest, a remediation, stays within 80 with a 6-letter prefix).</summary>
    private const int ClusterIdBudget = 20;
    private const int NodeGroupIdBudget = 16;
    private const int ImagesBudget = 21; // an AMI id: ami- and 17 hex digits
    private const int EventIdBudget = 36; // a CloudTrail eventID is a UUID

    /// <summary>
    /// The target images of a roll-out as one name part: the AMI id when there is one (<c>ami-0123456789abcdef0</c>),
    /// <c>images-&lt;10 hex of SHA-256&gt;</c> of the sorted ids when groups of several architectures get several.
    /// </summary>
    public static string ImagesKey(IEnumerable<string> imageIds)
    {
        ArgumentNullException.ThrowIfNull(imageIds);
        var ids = imageIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
            throw new ArgumentException("a roll-out has at least one target image", nameof(imageIds));
        return ids.Count == 1
            ? Safe(ids[0], ImagesBudget)
            : $"images-{Hash(string.Join(",", ids))}";
    }

    /// <summary>"update-pcs_abc-ami-0123…-20260111T0200": the scheduled roll-out to those images in that window occurrence.</summary>
    public static string ForImagesInWindow(WorkflowKind workflow, string clusterId, string imagesKey, DateTimeOffset windowOpenedAt) =>
        $"{Start(workflow)}-{Safe(clusterId, ClusterIdBudget)}-{Safe(imagesKey, ImagesBudget)}-{Minute(windowOpenedAt)}";

    /// <summary>"update-pcs_abc-notice-ami-0123…": the notice that the channel gives those images, sent once.</summary>
    public static string NoticeForImages(WorkflowKind workflow, string clusterId, string imagesKey) =>
        $"{Start(workflow)}-{Safe(clusterId, ClusterIdBudget)}-notice-{Safe(imagesKey, ImagesBudget)}";

    /// <summary>
    /// "update-pcs_abc-fix-pcs_ng1-ami-0123…": the roll-out of one node group back to the channel's images after a
    /// finding, once per group and images: a failed remediation whose rollback sets the old image again cannot start another.
    /// </summary>
    public static string RemediationForImages(WorkflowKind workflow, string clusterId, string nodeGroupId, string imagesKey) =>
        $"{Start(workflow)}-{Safe(clusterId, ClusterIdBudget)}-fix-{Safe(nodeGroupId, NodeGroupIdBudget)}-{Safe(imagesKey, ImagesBudget)}";

    /// <summary>"update-pcs_abc-finding-&lt;CloudTrail eventID&gt;": one finding notice per audited call, whatever EventBridge redelivers.</summary>
    public static string FindingForEvent(WorkflowKind workflow, string clusterId, string eventId) =>
        $"{Start(workflow)}-{Safe(clusterId, ClusterIdBudget)}-finding-{Safe(eventId, EventIdBudget)}";

    private const int ReservationIdBudget = 24; // cr- and 17 hex digits, with room
    private const string SecondFormat = "yyyyMMdd'T'HHmmss";

    /// <summary>
    /// "expire-cr-1234567890abcdef1-20260302T113000": the expiry of that reservation at that end date (UTC, to the
    /// second), started once whoever starts it (the reconciler or an event). An extension moves the end date only once
    /// paid (guide L3472-3476), which gives a new name: the run for the new end starts, the old one finds itself superseded.
    /// </summary>
    public static string ForCapacityBlock(WorkflowKind workflow, string reservationId, DateTimeOffset endDate) =>
        $"{Start(workflow)}-{Safe(reservationId, ReservationIdBudget)}-{endDate.UtcDateTime.ToString(SecondFormat, CultureInfo.InvariantCulture)}";

    /// <summary>
    /// "expire-cr-1234567890abcdef1-restore-20260302T113000": the restore of the groups parked for (or waiting for) that
    /// reservation, once per reservation and end date as EC2 gives it when the restore starts. A block is delivered once
    /// ("customer_event_id": "&lt;id&gt;-delivered", https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/capacity-blocks-monitor.html)
    /// with one end date, so a delivery restores once however often EventBridge delivers its event; a paid extension moves
    /// the end (guide L3472-3476) and gives a new name, so the groups parked before it come back too. A restore that failed
    /// (the lease held longer than it waits, an AWS error) is tried again under "-2", "-3"... (<see cref="CapacityBlocks.RestoreAttempts"/>):
    /// a name is used once per state machine, and parked groups must not stay at zero because one attempt failed.
    /// </summary>
    public static string RestoreForCapacityBlock(WorkflowKind workflow, string reservationId, DateTimeOffset endDate, int attempt = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var name = $"{Start(workflow)}-{Safe(reservationId, ReservationIdBudget)}-restore-{endDate.UtcDateTime.ToString(SecondFormat, CultureInfo.InvariantCulture)}";
        return attempt == 1 ? name : $"{name}-{attempt.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// The cluster id as used in names. A PCS id (<c>pcs_</c> + 10 alphanumerics) is kept as is; an id with other
    /// characters or longer than the budget left by the prefix gets them replaced by '-', is cut, and ends with a hash
    /// of the original id, so the result is deterministic and two different ids do not share a name.
    /// </summary>
    public static string SafeId(WorkflowKind workflow, string clusterId)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterId);
        return Safe(clusterId, MaxLength - Start(workflow).Length - FixedLength);
    }

    /// <summary><paramref name="text"/> when it fits <paramref name="budget"/> in name characters; else a readable cut ending in -&lt;hash of the original&gt;.</summary>
    private static string Safe(string text, int budget)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        if (text.Length <= budget && text.All(IsNameChar))
            return text;
        var readable = new string(text.Select(c => IsNameChar(c) ? c : '-').Take(budget - HashHexLength - 1).ToArray());
        return $"{readable}-{Hash(text)}";
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..HashHexLength];

    private static string Start(WorkflowKind workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        return workflow.ExecutionPrefix;
    }

    private static string Minute(DateTimeOffset at) => at.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
