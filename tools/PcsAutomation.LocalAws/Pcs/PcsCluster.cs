using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.Pcs;

/// <summary>A PCS cluster and everything under it; guards its own status changes (conventions point 9).</summary>
public sealed class PcsCluster : PcsResource
{
    public override string ResourceType => "cluster";

    public required string SchedulerVersion { get; set; }
    public required string Size { get; init; }
    public required JsonObject Networking { get; init; }

    /// <summary>The <c>slurmConfiguration</c> as the API shows it, without <c>authKey</c> (added from the secret).</summary>
    public JsonObject SlurmConfiguration { get; set; } = [];
    public required string SecretArn { get; init; }
    public string SecretVersion { get; set; } = "";
    public required string ControllerIp { get; init; }
    public long Sequence { get; init; }

    /// <summary>Scenario hook: the next UpdateCluster ends in UPDATE_FAILED with this message (guide L2114-2136).</summary>
    public string? FailNextUpdate { get; set; }

    public Dictionary<string, ComputeNodeGroup> NodeGroups { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, PcsQueue> Queues { get; } = new(StringComparer.Ordinal);

    /// <summary>Slurm's jobs, in submission order (<see cref="SlurmJob"/>; the scenario submits them, no PCS API shows them).</summary>
    public List<SlurmJob> Jobs { get; } = [];

    /// <summary>Slurm's drained nodes and reservations (<see cref="SlurmController"/>).</summary>
    public SlurmController Slurm { get; } = new();

    /// <summary>
    /// The loopback port of the emulated slurmrestd once it listens (<c>SlurmRest.SlurmRestServers</c>); null when none does,
    /// and the endpoint then shows the controller's address and the real port 6820 (guide L6832-6843).
    /// </summary>
    public int? SlurmRestPort { get; set; }

    /// <summary>Whether the cluster serves the Slurm REST API: <c>slurmRest.mode</c> STANDARD on Slurm 25.05 or later (guide L6705-6707).</summary>
    public bool ServesSlurmRest =>
        SlurmConfiguration["slurmRest"]?["mode"]?.GetValue<string>() == "STANDARD"
        && string.CompareOrdinal(SchedulerVersion, "25.05") >= 0;

    /// <summary>Slurm numbers jobs from 1 in each cluster.</summary>
    public long NextJobId() => Jobs.Count + 1;

    public void CompleteCreation(DateTimeOffset now) => Move(PcsStatus.Active, now, PcsStatus.Creating);

    public void FailCreation(DateTimeOffset now) => Move(PcsStatus.CreateFailed, now, PcsStatus.Creating);

    /// <summary>Guide L1984-1989: an update starts from ACTIVE, UPDATE_FAILED or SUSPENDED, one at a time.</summary>
    public void BeginUpdate(DateTimeOffset now) =>
        Move(PcsStatus.Updating, now, PcsStatus.Active, PcsStatus.UpdateFailed, PcsStatus.Suspended);

    public void CompleteUpdate(DateTimeOffset now) => Move(PcsStatus.Active, now, PcsStatus.Updating);

    public void FailUpdate(DateTimeOffset now) => Move(PcsStatus.UpdateFailed, now, PcsStatus.Updating);

    public void BeginDeletion(DateTimeOffset now) =>
        Move(PcsStatus.Deleting, now, PcsStatus.Active, PcsStatus.CreateFailed, PcsStatus.UpdateFailed,
            PcsStatus.DeleteFailed, PcsStatus.Suspended);

    public void FailDeletion(DateTimeOffset now) => Move(PcsStatus.DeleteFailed, now, PcsStatus.Deleting);

    /// <summary>Guide L6569-6579: PCS suspends clusters (e.g. EOL Slurm); suspended clusters never come back.</summary>
    public void BeginSuspension(DateTimeOffset now) =>
        Move(PcsStatus.Suspending, now, PcsStatus.Active, PcsStatus.UpdateFailed);

    public void CompleteSuspension(DateTimeOffset now) => Move(PcsStatus.Suspended, now, PcsStatus.Suspending);

    public ComputeNodeGroup? FindNodeGroup(string identifier) =>
        NodeGroups.GetValueOrDefault(identifier) ?? NodeGroups.Values.FirstOrDefault(g => g.Name == identifier);

    public PcsQueue? FindQueue(string identifier) =>
        Queues.GetValueOrDefault(identifier) ?? Queues.Values.FirstOrDefault(q => q.Name == identifier);
}
