namespace PcsAutomation.Domain.Rotation;

public sealed record RestoreStatus(bool Restored, IReadOnlyList<string> NodeGroupsPending)
{
    public static RestoreStatus Evaluate(IReadOnlyList<NodeGroupScaling> saved, IReadOnlyList<(NodeGroupScaling Current, string Status)> current) => throw new NotImplementedException();
}
