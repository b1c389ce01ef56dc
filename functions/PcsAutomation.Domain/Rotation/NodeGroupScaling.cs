namespace PcsAutomation.Domain.Rotation;

public sealed record NodeGroupScaling(string NodeGroupId, string NodeGroupName, int MinInstanceCount, int MaxInstanceCount);
