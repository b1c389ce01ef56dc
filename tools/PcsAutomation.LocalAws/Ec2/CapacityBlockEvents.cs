using System.Globalization;
using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Ec2;

/// <summary>
/// The EventBridge events EC2 sends about Capacity Blocks, on the virtual clock: "Capacity Block Delivered" at the
/// start, "Capacity Block Expiration Warning" 40 minutes before the end, and one "EC2 Capacity Reservation Instance
/// Interruption Warning" per instance before EC2 terminates it (shared/reference/README.md). LocalAws publishes
/// <see cref="Emitted"/> events to the default bus; tests read <see cref="Events"/>.
/// </summary>
/// <remarks>
/// By default the detail-types are the current EC2 guide and EventBridge reference names; older copies and the PCS guide's
/// FAQ say "Capacity Block Reservation Delivered" / "Capacity Block Reservation Expiration Warning" (guide L3506-3507;
/// shared/reference/README.md: rules should match both). <see cref="Names"/> (scenario key <c>capacityBlockEventNames</c>)
/// picks the spelling EC2 sends.
/// </remarks>
public sealed class CapacityBlockEvents(AwsWorld world)
{
    public const string DeliveredDetailType = "Capacity Block Delivered";
    public const string ExpirationWarningDetailType = "Capacity Block Expiration Warning";
    public const string ReservationDeliveredDetailType = "Capacity Block Reservation Delivered";
    public const string ReservationExpirationWarningDetailType = "Capacity Block Reservation Expiration Warning";
    public const string InterruptionWarningDetailType = "EC2 Capacity Reservation Instance Interruption Warning";

    /// <summary>Which spelling of the delivered and expiration warning events EC2 sends; default <see cref="CapacityBlockEventNames.Ec2Guide"/>.</summary>
    public CapacityBlockEventNames Names { get; set; } = CapacityBlockEventNames.Ec2Guide;

    /// <summary>The delivered event's detail-type under <see cref="Names"/>.</summary>
    public string Delivered => Names == CapacityBlockEventNames.PcsGuide ? ReservationDeliveredDetailType : DeliveredDetailType;

    /// <summary>The expiration warning's detail-type under <see cref="Names"/>.</summary>
    public string ExpirationWarning =>
        Names == CapacityBlockEventNames.PcsGuide ? ReservationExpirationWarningDetailType : ExpirationWarningDetailType;

    /// <summary>The docs: the expiration warning comes 40 minutes before the end.</summary>
    public static readonly TimeSpan ExpirationWarningLead = TimeSpan.FromMinutes(40);

    /// <summary>
    /// How long before termination each instance is warned. The docs give no figure; this is Spot's two-minute
    /// notice, so a handler sees the warning strictly before the instance leaves.
    /// </summary>
    public static readonly TimeSpan InterruptionWarningLead = TimeSpan.FromMinutes(2);

    private readonly List<JsonObject> events = [];

    /// <summary>Raised for each event (a copy), under the world's gate.</summary>
    public event Action<JsonObject>? Emitted;

    /// <summary>Every event sent so far, in order (copies).</summary>
    public IReadOnlyList<JsonObject> Events
    {
        get { lock (world.Gate) return events.Select(e => (JsonObject)e.DeepClone()).ToList(); }
    }

    /// <summary>A new block: delivered at its start, then the end-of-block events.</summary>
    public void Watch(CapacityBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (block.StartDate >= world.Now)
        {
            world.After(block.StartDate - world.Now, $"capacity block delivered {block.CapacityReservationId}", () =>
            {
                if (block.StateAt(world.Now) == "active") Emit(block, Delivered, BlockDetail(block));
            });
        }
        WatchEnd(block);
    }

    /// <summary>
    /// (Re)schedules the warnings for the block's current end date. Call after an extension: the warnings scheduled for
    /// an earlier end check the end date when they fire and stay silent once it has moved.
    /// </summary>
    public void WatchEnd(CapacityBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var end = block.EndDate;
        At(end - ExpirationWarningLead, $"capacity block expiration warning {block.CapacityReservationId}", () =>
        {
            if (block.EndDate == end && block.ForcedState is null or "active") Emit(block, ExpirationWarning, BlockDetail(block));
        });
        // TerminationStart is PcsFleet's rule (30 min, 60 for UltraServers), the moment its reconcile ends the instances.
        At(block.TerminationStart - InterruptionWarningLead, $"capacity block interruption warnings {block.CapacityReservationId}", () =>
        {
            if (block.EndDate != end) return;
            var instances = world.Instances.Values
                .Where(i => i.CapacityReservationId == block.CapacityReservationId && i.IsUp)
                .OrderBy(i => i.InstanceId, StringComparer.Ordinal).ToList();
            foreach (var instance in instances) Emit(block, InterruptionWarningDetailType, InterruptionDetail(block, instance));
        });
    }

    public string Arn(CapacityBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return $"arn:aws:ec2:{world.Region}:{world.AccountId}:capacity-reservation/{block.CapacityReservationId}";
    }

    private void At(DateTimeOffset when, string description, Action action)
    {
        if (when < world.Now) return; // already past: EC2 would have sent it before the block came to the emulator
        world.After(when - world.Now, description, action);
    }

    private static JsonObject BlockDetail(CapacityBlock block) => new()
    {
        ["capacity-reservation-id"] = block.CapacityReservationId,
        ["end-date"] = Timestamp(block.EndDate),
    };

    private static JsonObject InterruptionDetail(CapacityBlock block, Ec2Instance instance) => new()
    {
        ["capacity-reservation-id"] = block.CapacityReservationId,
        ["end-date"] = Timestamp(block.EndDate),
        ["instance-id"] = instance.InstanceId,
        ["instance-action"] = "terminate",
        ["instance-termination-time"] = Timestamp(block.TerminationStart),
        ["availability-zone-id"] = AvailabilityZones.IdOf(block.AvailabilityZone),
        ["instance-lifecycle"] = "capacity-block",
    };

    private void Emit(CapacityBlock block, string detailType, JsonObject detail)
    {
        var envelope = new JsonObject
        {
            ["version"] = "0",
            ["id"] = world.Ids.Uuid(),
            ["detail-type"] = detailType,
            ["source"] = "aws.ec2",
            ["account"] = world.AccountId,
            ["time"] = Timestamp(world.Now),
            ["region"] = world.Region,
            ["resources"] = new JsonArray(Arn(block)),
            ["detail"] = detail,
        };
        events.Add(envelope);
        Emitted?.Invoke((JsonObject)envelope.DeepClone());
    }

    private static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>The two spellings AWS documents for the Capacity Block delivered and expiration warning events.</summary>
public enum CapacityBlockEventNames
{
    /// <summary>"Capacity Block Delivered", "Capacity Block Expiration Warning": the current EC2 guide and EventBridge reference.</summary>
    Ec2Guide,

    /// <summary>"Capacity Block Reservation Delivered", "Capacity Block Reservation Expiration Warning": the PCS guide (L3506-3507) and older EC2 copies.</summary>
    PcsGuide,
}
