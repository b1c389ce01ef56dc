namespace PcsAutomation.Domain.Rotation;

public static class PollingBackoff
{
    public static int NextWaitSeconds(int attempt) => throw new NotImplementedException();
}
