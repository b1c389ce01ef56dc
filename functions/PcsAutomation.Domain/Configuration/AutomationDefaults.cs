namespace PcsAutomation.Domain.Configuration;

public sealed record AutomationDefaults(string ManagedTagKey, MaintenanceWindow MaintenanceWindow, TimeSpan RotationMaxAge, string ByoLoginTagKey)
{
    public static AutomationDefaults FromEnvironment(Func<string, string?> getVariable) => throw new NotImplementedException();
}
