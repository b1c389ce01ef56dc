namespace PcsAutomation.Domain.Configuration;

/// <summary>What the automation does for one cluster, from the cluster's tags over the stack defaults.</summary>
public sealed record ClusterTagConfiguration(bool IsManaged, MaintenanceWindow MaintenanceWindow, TimeSpan RotationMaxAge, string ByoLoginTagKey)
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

        var managed = false;
        if (tags.TryGetValue(defaults.ManagedTagKey, out var managedText))
        {
            managed = string.Equals(managedText, "true", StringComparison.OrdinalIgnoreCase);
            if (!managed && !string.Equals(managedText, "false", StringComparison.OrdinalIgnoreCase))
            {
                throw new TagConfigurationException(defaults.ManagedTagKey, $"{defaults.ManagedTagKey}: value '{managedText}' must be 'true' or 'false'");
            }
        }

        var window = tags.TryGetValue(TagKeys.MaintenanceWindow, out var windowText)
            ? MaintenanceWindow.Parse(windowText, TagKeys.MaintenanceWindow)
            : defaults.MaintenanceWindow;

        var maxAge = tags.TryGetValue(TagKeys.RotationMaxAge, out var maxAgeText)
            ? DurationText.Parse(maxAgeText, TagKeys.RotationMaxAge)
            : defaults.RotationMaxAge;

        var byoKey = tags.TryGetValue(TagKeys.ByoLoginTag, out var byoText)
            ? TagKeys.ValidKey(byoText, TagKeys.ByoLoginTag)
            : defaults.ByoLoginTagKey;

        return new ClusterTagConfiguration(managed, window, maxAge, byoKey);
    }
}
