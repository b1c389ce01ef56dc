namespace PcsAutomation.Domain.Rotation;

public static class ExecutionNames
{
    public static string ForWindow(string clusterId, DateTimeOffset windowOpenedAt) => throw new NotImplementedException();

    public static string OnDemand(string clusterId, DateTimeOffset now) => throw new NotImplementedException();
}
