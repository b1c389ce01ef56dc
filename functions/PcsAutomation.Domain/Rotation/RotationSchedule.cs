using System.Globalization;
using PcsAutomation.Domain.Configuration;

namespace PcsAutomation.Domain.Rotation;

/// <summary>When the reconciler starts an unattended rotation.</summary>
public static class RotationSchedule
{
    /// <summary>
    /// Start only when all hold, checked in this order (the reason names the first that fails): the cluster is
    /// managed; the secret's last rotation, or its creation when never rotated, is at least RotationMaxAge before
    /// <paramref name="now"/>; the maintenance window is open at <paramref name="now"/>.
    /// </summary>
    public static RotationDecision Decide(ClusterTagConfiguration config, DateTimeOffset? lastRotated, DateTimeOffset secretCreated, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!config.IsManaged)
        {
            return new RotationDecision(false, "not managed", null);
        }

        var since = lastRotated ?? secretCreated;
        var age = now - since;
        var maxAge = DurationText.Format(config.RotationMaxAge);
        var what = lastRotated is null ? "created" : "rotated";
        var ageText = age < TimeSpan.Zero
            ? $"{what} at {Iso(since)}, after now ({Iso(now)})"
            : $"{what} {Ago(age)} ago";

        // A baseline in the future (clock skew, bad data) is not due: rotating on bad data is the riskier mistake.
        if (age < config.RotationMaxAge)
        {
            return new RotationDecision(false, $"{ageText}, max age {maxAge}", null);
        }

        var window = config.MaintenanceWindow;
        var openedAt = window.OpenedAt(now);
        if (openedAt is null)
        {
            return new RotationDecision(
                false,
                $"{ageText}, max age {maxAge}: rotation due, but maintenance window {window} is closed (next opening {Iso(window.NextOpening(now))})",
                null);
        }

        return new RotationDecision(
            true,
            $"{ageText}, max age {maxAge}: rotation due, maintenance window {window} open since {Iso(openedAt.Value)}",
            openedAt);
    }

    /// <summary>Whole days when at least a day, else whole hours, else whole minutes (rounded down).</summary>
    private static string Ago(TimeSpan age) =>
        age >= TimeSpan.FromDays(1) ? $"{(int)age.TotalDays}d"
        : age >= TimeSpan.FromHours(1) ? $"{(int)age.TotalHours}h"
        : $"{(int)age.TotalMinutes}m";

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
