namespace PcsAutomation.Domain.Configuration;

public sealed record ClusterTagConfiguration(bool IsManaged, MaintenanceWindow MaintenanceWindow, TimeSpan RotationMaxAge, string ByoLoginTagKey)
{
    public static ClusterTagConfiguration Parse(IReadOnlyDictionary<string, string> tags, AutomationDefaults defaults) => throw new NotImplementedException();
}
