namespace PcsAutomation.Domain.Rotation;

public static class DowntimeEstimate
{
    public static TimeSpan For(int nodeGroupCount, int instancesUp) => throw new NotImplementedException();
}
