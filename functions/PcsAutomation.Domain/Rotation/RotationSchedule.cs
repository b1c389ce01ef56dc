using PcsAutomation.Domain.Configuration;

namespace PcsAutomation.Domain.Rotation;

public static class RotationSchedule
{
    public static RotationDecision Decide(ClusterTagConfiguration config, DateTimeOffset? lastRotated, DateTimeOffset secretCreated, DateTimeOffset now) => throw new NotImplementedException();
}
