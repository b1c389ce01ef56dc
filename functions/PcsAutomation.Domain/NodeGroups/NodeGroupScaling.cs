namespace PcsAutomation.Domain.NodeGroups;

/// <summary>A compute node group's scaling (min and max instance count), saved before a scale-down and restored exactly.</summary>
public sealed record NodeGroupScaling(string NodeGroupId, string NodeGroupName, int MinInstanceCount, int MaxInstanceCount)
{
    // Methods, not properties: the record is serialized (saved scaling) and must hold its four values only.
    public bool IsZero() => MinInstanceCount == 0 && MaxInstanceCount == 0;

    /// <summary>True when <paramref name="other"/> has the same min and max (the names may differ: ids decide).</summary>
    public bool SameCountsAs(NodeGroupScaling other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return MinInstanceCount == other.MinInstanceCount && MaxInstanceCount == other.MaxInstanceCount;
    }

    /// <summary>"compute-1 2/8" for logs and notifications.</summary>
    public override string ToString() => $"{NodeGroupName} {MinInstanceCount}/{MaxInstanceCount}";
}
