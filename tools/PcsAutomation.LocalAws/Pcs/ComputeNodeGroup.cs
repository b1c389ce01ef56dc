using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.Pcs;

/// <summary>A PCS compute node group: its configuration, and the status rules of guide L2493-2993.</summary>
public sealed class ComputeNodeGroup : PcsResource
{
    public override string ResourceType => "computeNodeGroup";

    public required string ClusterId { get; init; }
    public string? AmiId { get; set; }
    public required List<string> SubnetIds { get; set; }
    public string PurchaseOption { get; set; } = "ONDEMAND";
    public required string LaunchTemplateId { get; set; }
    public required string LaunchTemplateVersion { get; set; }
    public required string IamInstanceProfileArn { get; set; }
    public int MinInstanceCount { get; set; }
    public int MaxInstanceCount { get; set; }

    /// <summary>Immutable after creation (guide L2650-2653, L2727).</summary>
    public required IReadOnlyList<string> InstanceTypes { get; init; }
    public JsonObject? SpotOptions { get; set; }
    public JsonObject? SlurmConfiguration { get; set; }
    public JsonObject? NodeLifecycleActions { get; set; }
    public long Sequence { get; init; }

    /// <summary>
    /// While an update that changes the image is UPDATING, the image new instances still get: the update takes effect
    /// when the group goes from UPDATING to ACTIVE (guide L2659). Null otherwise.
    /// </summary>
    public string? ImageBeforeUpdate { get; set; }

    /// <summary>How many nodes the scenario's jobs ask for (dynamic nodes launch for them, up to max).</summary>
    public int Demand { get; set; }

    /// <summary>
    /// Why PCS could not launch all the instances the group wants, as Slurm reports it on the group's nodes (guide
    /// L3557-3558: "Failed to launch backing instance (Error Code: ReservationCapacityExceeded)"), and since when; null
    /// once launches succeed again. Slurm-side: no PCS API shows it (<see cref="SlurmView"/>).
    /// </summary>
    public string? LaunchFailure { get; set; }

    public DateTimeOffset? LaunchFailedAt { get; set; }

    /// <summary>Scenario hook: the next update of this group ends in UPDATE_FAILED with this message.</summary>
    public string? FailNextUpdate { get; set; }

    public bool IsStatic => MinInstanceCount > 0 && MinInstanceCount == MaxInstanceCount;

    public void CompleteCreation(DateTimeOffset now) => Move(PcsStatus.Active, now, PcsStatus.Creating);

    public void FailCreation(DateTimeOffset now) => Move(PcsStatus.CreateFailed, now, PcsStatus.Creating);

    public void BeginUpdate(DateTimeOffset now) => Move(PcsStatus.Updating, now, PcsStatus.Active, PcsStatus.UpdateFailed);

    public void CompleteUpdate(DateTimeOffset now) => Move(PcsStatus.Active, now, PcsStatus.Updating);

    public void FailUpdate(DateTimeOffset now) => Move(PcsStatus.UpdateFailed, now, PcsStatus.Updating);

    public void BeginDeletion(DateTimeOffset now) =>
        Move(PcsStatus.Deleting, now, PcsStatus.Active, PcsStatus.CreateFailed, PcsStatus.UpdateFailed, PcsStatus.DeleteFailed);

    public void CompleteDeletion(DateTimeOffset now) => Move(PcsStatus.Deleted, now, PcsStatus.Deleting);
}
