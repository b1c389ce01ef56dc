namespace PcsAutomation.Domain.Rotation;

public sealed record DrainStatus(bool Drained, IReadOnlyList<string> NodeGroupsNotActive, IReadOnlyList<string> InstancesStillUp)
{
    public static DrainStatus Evaluate(IReadOnlyList<(string NodeGroupId, string Status)> groups, IReadOnlyList<(string InstanceId, string State)> instances) => throw new NotImplementedException();
}
