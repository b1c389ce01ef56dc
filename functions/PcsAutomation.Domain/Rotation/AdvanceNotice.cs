using System.Globalization;
using PcsAutomation.Domain.Configuration;

namespace PcsAutomation.Domain.Rotation;

/// <summary>Whether to tell a cluster's users now of a coming rotation, and of which window.</summary>
/// <param name="WindowOpensAt">The opening of the window the notice announces, which names the notice (sent once per window).</param>
public sealed record AdvanceNoticeDecision(bool Send, string Reason, DateTimeOffset? WindowOpensAt);

/// <summary>
/// The guide's first step of a rotation is to tell the cluster's users of the coming maintenance window (guide L2417).
/// The reconciler sends the notice once the next window opens within the lead time and the secret will be due by then.
/// </summary>
public static class AdvanceNotice
{
    public static AdvanceNoticeDecision Decide(
        ClusterTagConfiguration config, DateTimeOffset? lastRotated, DateTimeOffset secretCreated, DateTimeOffset now, TimeSpan leadTime)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!config.IsManaged)
            return new(false, "not managed", null);

        var window = config.MaintenanceWindow;
        // The next opening strictly after now: an open window's own rotation is announced by its start notification.
        var opensAt = window.NextOpening(now.AddTicks(1));
        var until = opensAt - now;
        if (until > leadTime)
            return new(false, $"next window {window} opens at {Iso(opensAt)}, more than {DurationText.Format(leadTime)} away", null);

        var dueAt = (lastRotated ?? secretCreated) + config.RotationMaxAge;
        if (dueAt > opensAt)
            return new(false, $"not due by the next window (due {Iso(dueAt)}, window opens {Iso(opensAt)})", null);

        return new(true, $"rotation due by the window {window} opening at {Iso(opensAt)}, within {DurationText.Format(leadTime)}", opensAt);
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
