namespace PcsAutomation.Domain.Configuration;

/// <summary>Stack-wide defaults, overridden per cluster by its tags (see <see cref="ClusterTagConfiguration"/>).</summary>
/// <param name="StrictVerification">Default of the <c>pcs-automation:strict-verification</c> tag (stack parameter StrictRotationVerification).</param>
/// <param name="RotationNoticeLeadTime">How long before a maintenance window with a due rotation its users are told (stack parameter RotationNoticeLeadTime).</param>
public sealed record AutomationDefaults(
    string ManagedTagKey,
    MaintenanceWindow MaintenanceWindow,
    TimeSpan RotationMaxAge,
    string ByoLoginTagKey,
    bool StrictVerification = false,
    TimeSpan? RotationNoticeLeadTime = null)
{
    public const string DefaultMaintenanceWindow = "sun:02:00-sun:06:00";

    public const string DefaultRotationMaxAge = "90d";

    public const string DefaultRotationNoticeLeadTime = "24h";

    /// <summary>The lead time of advance notices: <see cref="RotationNoticeLeadTime"/>, 24 hours when not set.</summary>
    public TimeSpan NoticeLeadTime => RotationNoticeLeadTime ?? TimeSpan.FromHours(24);

    /// <summary>
    /// Reads the defaults through <paramref name="getVariable"/> (the handler passes Environment.GetEnvironmentVariable,
    /// tests a dictionary). An unset or empty variable means the built-in default: CloudFormation passes empty strings
    /// for blank parameters. An invalid value throws <see cref="TagConfigurationException"/> whose TagKey is the variable name.
    /// </summary>
    public static AutomationDefaults FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);

        string Read(string name, string fallback)
        {
            var value = getVariable(name);
            return string.IsNullOrEmpty(value) ? fallback : value;
        }

        return new AutomationDefaults(
            TagKeys.ValidKey(Read(EnvironmentVariables.ManagedTagKey, TagKeys.DefaultManaged), EnvironmentVariables.ManagedTagKey),
            MaintenanceWindow.Parse(Read(EnvironmentVariables.MaintenanceWindow, DefaultMaintenanceWindow), EnvironmentVariables.MaintenanceWindow),
            DurationText.Parse(Read(EnvironmentVariables.RotationMaxAge, DefaultRotationMaxAge), EnvironmentVariables.RotationMaxAge),
            TagKeys.ValidKey(Read(EnvironmentVariables.ByoLoginTagKey, TagKeys.DefaultByoLoginTagKey), EnvironmentVariables.ByoLoginTagKey),
            ClusterTagConfiguration.Boolean(Read(EnvironmentVariables.StrictRotationVerification, "false"), EnvironmentVariables.StrictRotationVerification),
            string.IsNullOrEmpty(getVariable(EnvironmentVariables.RotationNoticeLeadTime))
                ? null
                : DurationText.Parse(Read(EnvironmentVariables.RotationNoticeLeadTime, DefaultRotationNoticeLeadTime), EnvironmentVariables.RotationNoticeLeadTime));
    }
}
