namespace PcsAutomation.Domain.Rotation;

public static class ClusterStatusPolicy
{
    public static string? RotationRefusal(string clusterStatus) => throw new NotImplementedException();
}
