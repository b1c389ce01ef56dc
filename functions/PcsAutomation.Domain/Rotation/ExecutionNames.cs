using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PcsAutomation.Domain.Rotation;

/// <summary>
/// Step Functions execution names for rotations. A name is unique per state machine, so a deterministic name turns
/// a second start for the same window (or the same minute) into ExecutionAlreadyExists, which callers treat as a
/// no-op. Names are 1-80 characters of [A-Za-z0-9-_] (a safe subset of what Step Functions accepts).
/// </summary>
public static class ExecutionNames
{
    public const int MaxLength = 80;

    private const string Prefix = "rotate-";
    private const string TimeFormat = "yyyyMMdd'T'HHmm";

    // The longest name is rotate-<id>-manual-yyyyMMddTHHmm: 7 + id + 8 + 13 characters.
    private const int MaxIdLength = MaxLength - 28;

    // Sanitized ids keep a readable prefix and end with -<10 hex of SHA-256(original id)> to stay unique.
    private const int HashHexLength = 10;

    /// <summary>"rotate-pcs_abc-20260111T0200": one execution per cluster and window occurrence.</summary>
    public static string ForWindow(string clusterId, DateTimeOffset windowOpenedAt) =>
        $"{Prefix}{SafeId(clusterId)}-{Minute(windowOpenedAt)}";

    /// <summary>"rotate-pcs_abc-manual-20260111T0312": truncated to the minute, so a double start is one execution.</summary>
    public static string OnDemand(string clusterId, DateTimeOffset now) =>
        $"{Prefix}{SafeId(clusterId)}-manual-{Minute(now)}";

    /// <summary>
    /// The cluster id as used in names. A PCS id (<c>pcs_</c> + 10 alphanumerics) is kept as is; an id with other
    /// characters or longer than the budget gets them replaced by '-', is cut, and ends with a hash of the original
    /// id, so the result is deterministic and two different ids do not share a name.
    /// </summary>
    public static string SafeId(string clusterId)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterId);
        if (clusterId.Length <= MaxIdLength && clusterId.All(IsNameChar))
        {
            return clusterId;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clusterId)))[..HashHexLength];
        var readable = new string(clusterId.Select(c => IsNameChar(c) ? c : '-').Take(MaxIdLength - HashHexLength - 1).ToArray());
        return $"{readable}-{hash}";
    }

    private static string Minute(DateTimeOffset at) => at.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
