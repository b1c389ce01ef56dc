namespace PcsAutomation.Domain.NodeGroups;

/// <summary>A compute node group's exact scaling and its PCS status, as read now.</summary>
public sealed record NodeGroupState(NodeGroupScaling Scaling, string Status)
{
    /// <summary>PCS's status of a node group ready for (and done with) an update.</summary>
    public const string Active = "ACTIVE";

    /// <summary>PCS's status while an update is applied; another update now is refused with ConflictException (guide L1984-1989).</summary>
    public const string Updating = "UPDATING";

    public string NodeGroupId => Scaling.NodeGroupId;
}
