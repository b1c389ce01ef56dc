namespace PcsAutomation.Domain.Configuration;

/// <summary>What the automation does for one cluster, from the cluster's tags over the stack defaults.</summary>
/// <param name="StrictVerification">
/// Tag <c>pcs-automation:strict-verification</c> (<c>true</c>/<c>false</c>, default from the stack): a rotation succeeds only
/// when <c>GetCluster</c> reports the new secret version. Off, a rotation Secrets Manager finished but the cluster does not
/// confirm is "rotated, not confirmed by the cluster" (no AWS document says PCS updates that field).
/// </param>
public sealed record ClusterTagConfiguration(
    bool IsManaged, MaintenanceWindow MaintenanceWindow, TimeSpan RotationMaxAge, string ByoLoginTagKey, bool StrictVerification = false)
{
    /// <summary>
    /// Strict: the managed tag must be exactly true or false (any case) so a typo such as "yes" does not silently
    /// leave a cluster unrotated; every present pcs-automation tag is validated even on an unmanaged cluster, so a
    /// mistake shows up before the cluster is opted in. Tag keys are case-sensitive, as in AWS.
    /// </summary>
    public static ClusterTagConfiguration Parse(IReadOnlyDictionary<string, string> tags, AutomationDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(defaults);

        var managed = tags.TryGetValue(defaults.ManagedTagKey, out var managedText) && Boolean(managedText, defaults.ManagedTagKey);

        var window = tags.TryGetValue(TagKeys.MaintenanceWindow, out var windowText)
            ? MaintenanceWindow.Parse(windowText, TagKeys.MaintenanceWindow)
            : defaults.MaintenanceWindow;

        var maxAge = tags.TryGetValue(TagKeys.RotationMaxAge, out var maxAgeText)
            ? DurationText.Parse(maxAgeText, TagKeys.RotationMaxAge)
            : defaults.RotationMaxAge;

        var byoKey = tags.TryGetValue(TagKeys.ByoLoginTag, out var byoText)
            ? TagKeys.ValidKey(byoText, TagKeys.ByoLoginTag)
            : defaults.ByoLoginTagKey;

        var strict = tags.TryGetValue(TagKeys.StrictVerification, out var strictText)
            ? Boolean(strictText, TagKeys.StrictVerification)
            : defaults.StrictVerification;

        return new ClusterTagConfiguration(managed, window, maxAge, byoKey, strict);
    }

    /// <summary>Exactly <c>true</c> or <c>false</c> in any case; anything else names the tag (or variable).</summary>
    internal static bool Boolean(string text, string sourceName) =>
        string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) ||
        (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase)
            ? false
            : throw new TagConfigurationException(sourceName, $"{sourceName}: value '{text}' must be 'true' or 'false'"));
}
