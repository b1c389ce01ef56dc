using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.Pcs;

/// <summary>A PCS queue (a Slurm partition, guide L3626) and its node group associations.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A PCS queue is the domain name (a Slurm partition).")]
public sealed class PcsQueue : PcsResource
{
    public override string ResourceType => "queue";

    public required string ClusterId { get; init; }
    public List<string> ComputeNodeGroupIds { get; set; } = [];
    public JsonObject? SlurmConfiguration { get; set; }
    public long Sequence { get; init; }

    public void CompleteCreation(DateTimeOffset now) => Move(PcsStatus.Active, now, PcsStatus.Creating);

    public void BeginUpdate(DateTimeOffset now) => Move(PcsStatus.Updating, now, PcsStatus.Active, PcsStatus.UpdateFailed);

    public void CompleteUpdate(DateTimeOffset now) => Move(PcsStatus.Active, now, PcsStatus.Updating);

    public void BeginDeletion(DateTimeOffset now) =>
        Move(PcsStatus.Deleting, now, PcsStatus.Active, PcsStatus.CreateFailed, PcsStatus.UpdateFailed, PcsStatus.DeleteFailed);
}
