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

    /// <summary>
    /// The cluster id as used in names. A PCS id (<c>pcs_</c> + 10 alphanumerics) is kept as is; an id with other
    /// characters or longer than the budget left by the prefix gets them replaced by '-', is cut, and ends with a hash
    /// of the original id, so the result is deterministic and two different ids do not share a name.
    /// </summary>
    public static string SafeId(WorkflowKind workflow, string clusterId)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterId);
        var budget = MaxLength - Start(workflow).Length - FixedLength;
        if (clusterId.Length <= budget && clusterId.All(IsNameChar))
            return clusterId;

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clusterId)))[..HashHexLength];
        var readable = new string(clusterId.Select(c => IsNameChar(c) ? c : '-').Take(budget - HashHexLength - 1).ToArray());
        return $"{readable}-{hash}";
    }

    private static string Start(WorkflowKind workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        return workflow.ExecutionPrefix;
    }

    private static string Minute(DateTimeOffset at) => at.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
