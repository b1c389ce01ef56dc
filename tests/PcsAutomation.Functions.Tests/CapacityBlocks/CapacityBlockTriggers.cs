using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.NodeGroups;
using PcsAutomation.Functions.Tests.Support;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.States.Runtime;

namespace PcsAutomation.Functions.Tests.CapacityBlocks;

/// <summary>
/// The Capacity Block triggers' world, from 2026-01-05 08:00Z: cluster <c>demo</c> (managed) with <c>gpu-a</c> on
/// <see cref="Soon"/> (ends +3h), <c>gpu-b</c> on <see cref="Later"/> (ends +30h, beyond the 24-hour horizon) and
/// <c>shared-a</c> on <see cref="Shared"/> (ends +6h), also used by <c>shared-b</c> of the managed cluster <c>other</c>;
/// <see cref="Unused"/> (ends +5h) used by nobody, <see cref="Foreign"/> (ends +4h) used only by the unmanaged cluster
/// <c>unmanaged</c>. The expiry state machine is a stand-in that records its executions.
/// </summary>
internal static class CapacityBlockTriggers
{
    public const string ExpiryMachine = "CapacityBlockExpiryStateMachine";
    public const string Soon = "cr-0a000000000000001";
    public const string Later = "cr-0b000000000000001";
    public const string Unused = "cr-0c000000000000001";
    public const string Shared = "cr-0d000000000000001";
    public const string Foreign = "cr-0e000000000000001";

    public static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    /// <param name="onlyUsedBlocks">Without <see cref="Unused"/>, <see cref="Foreign"/> and the unmanaged cluster: every block due is used.</param>
    public static Scenario World(string? eventNames = null, bool onlyUsedBlocks = false)
    {
        var scenario = Scenario.Empty();
        var blocks = new[] { ("soon", Soon, "+3h"), ("later", Later, "+30h"), ("unused", Unused, "+5h"), ("shared", Shared, "+6h"), ("foreign", Foreign, "+4h") };
        foreach (var (name, id, end) in blocks.Where(b => !onlyUsedBlocks || b.Item2 is not (Unused or Foreign)))
        {
            scenario = scenario
                .WithCapacityBlock(name, "p5.48xlarge", 4, "-1d", end, id: id)
                .WithLaunchTemplate($"{name}-lt", new LaunchTemplateVersionDefinition { ImageId = "ami-0ccccccccccccccc3", InstanceType = "p5.48xlarge", CapacityBlock = name });
        }
        if (eventNames is not null)
            scenario = scenario.WithCapacityBlockEventNames(eventNames);
        scenario = scenario
            .AndCluster("demo").WithTag("pcs-automation:managed", "true")
            .WithNodeGroup("gpu-a", min: 0, max: 2, "p5.48xlarge", launchTemplate: "soon-lt", purchaseOption: "CAPACITY_BLOCK").WithQueue("gpu-a", "gpu-a")
            .WithNodeGroup("gpu-b", min: 0, max: 2, "p5.48xlarge", launchTemplate: "later-lt", purchaseOption: "CAPACITY_BLOCK").WithQueue("gpu-b", "gpu-b")
            .WithNodeGroup("shared-a", min: 2, max: 2, "p5.48xlarge", launchTemplate: "shared-lt", purchaseOption: "CAPACITY_BLOCK").WithQueue("shared", "shared-a")
            .WithNodeGroup("cpu", min: 0, max: 4).WithQueue("batch", "cpu")
            .AndCluster("other").WithTag("pcs-automation:managed", "true")
            .WithNodeGroup("shared-b", min: 2, max: 2, "p5.48xlarge", launchTemplate: "shared-lt", purchaseOption: "CAPACITY_BLOCK").WithQueue("shared", "shared-b");
        return onlyUsedBlocks ? scenario : scenario
            .AndCluster("unmanaged")
            .WithNodeGroup("gpu-u", min: 0, max: 2, "p5.48xlarge", launchTemplate: "foreign-lt", purchaseOption: "CAPACITY_BLOCK").WithQueue("gpu-u", "gpu-u");
    }

    /// <summary>The harness at <see cref="Start"/> plus five minutes (the static groups' nodes running), with the stand-in expiry state machine.</summary>
    public static async Task<HandlerHarness> StartAsync(Scenario? scenario = null, IReadOnlyDictionary<string, string>? variables = null)
    {
        var h = await HandlerHarness.StartAsync(scenario ?? World(), Variables(variables), Start);
        h.CreateStandInStateMachine(ExpiryMachine);
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(5));
        return h;
    }

    private static Dictionary<string, string> Variables(IReadOnlyDictionary<string, string>? extra)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PCS_AUTOMATION_CAPACITY_BLOCK_EXPIRY_STATE_MACHINE_ARN"] = $"arn:aws:states:us-east-1:111122223333:stateMachine:{ExpiryMachine}",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
            variables[key] = value;
        return variables;
    }

    /// <summary>The expiry state machine's executions, oldest first.</summary>
    public static IReadOnlyList<Execution> Executions(HandlerHarness h) =>
        [.. h.Aws.StepFunctions.Engine.Executions.Where(e => e.StateMachineArn.EndsWith($":stateMachine:{ExpiryMachine}", StringComparison.Ordinal)).OrderBy(e => e.StartDate)];

    /// <summary>The execution name of <paramref name="reservationId"/>'s expiry for its end date as the emulator holds it.</summary>
    public static string ExpiryName(HandlerHarness h, string reservationId) => $"expire-{reservationId}-{Stamp(EndOf(h, reservationId))}";

    public static DateTimeOffset EndOf(HandlerHarness h, string reservationId)
    {
        lock (h.Aws.State.Gate)
            return h.Aws.State.CapacityBlocks.Values.Single(b => b.CapacityReservationId == reservationId).EndDate;
    }

    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    public static Task<JsonNode> ReconcileAsync(HandlerHarness h) => h.InvokeAsync("CapacityBlockReconciler", """
        {"version":"0","id":"cdc73f9d-aea9-11e3-9d5a-835b769c0d9c","detail-type":"Scheduled Event","source":"aws.events",
         "account":"111122223333","time":"2026-01-05T08:05:00Z","region":"us-east-1",
         "resources":["arn:aws:events:us-east-1:111122223333:rule/pcs-automation-capacity-block-reconciler"],"detail":{}}
        """);

    /// <summary>An EC2 Capacity Block event as EventBridge delivers it (capacity-blocks-monitor.html's fields, the envelope of eb-events-structure.html).</summary>
    public static JsonObject Event(string detailType, string reservationId, string? id = null, string account = "111122223333", string region = "us-east-1") => new()
    {
        ["version"] = "0",
        ["id"] = id ?? Guid.NewGuid().ToString(),
        ["detail-type"] = detailType,
        ["source"] = "aws.ec2",
        ["account"] = account,
        ["time"] = "2026-01-05T10:20:00Z",
        ["region"] = region,
        ["resources"] = new JsonArray($"arn:aws:ec2:{region}:{account}:capacity-reservation/{reservationId}"),
        ["detail"] = new JsonObject { ["capacity-reservation-id"] = reservationId, ["end-date"] = "2026-01-05T11:00:00.000Z" },
    };

    /// <summary>The interruption warning of <paramref name="instanceId"/>, which names no reservation.</summary>
    public static JsonObject Interruption(string instanceId) => new()
    {
        ["version"] = "0",
        ["id"] = Guid.NewGuid().ToString(),
        ["detail-type"] = "EC2 Capacity Reservation Instance Interruption Warning",
        ["source"] = "aws.ec2",
        ["account"] = "111122223333",
        ["time"] = "2026-01-05T10:28:00Z",
        ["region"] = "us-east-1",
        ["resources"] = new JsonArray($"arn:aws:ec2:us-east-1:111122223333:instance/{instanceId}"),
        ["detail"] = new JsonObject
        {
            ["instance-id"] = instanceId, ["instance-action"] = "terminate", ["instance-termination-time"] = "2026-01-05T10:30:00Z",
            ["availability-zone-id"] = "use1-az1", ["instance-lifecycle"] = "capacity-block",
        },
    };

    public static Task<JsonNode> RouteAsync(HandlerHarness h, JsonObject capacityEvent) => h.InvokeAsync("CapacityBlockEventRouter", capacityEvent);

    /// <summary>
    /// A parked record of group <paramref name="groupName"/> for <paramref name="reservationId"/>, as the expiry's handlers
    /// store it in the lease table (ClusterLeaseTable.Parked.cs: key <c>parked#&lt;group&gt;#&lt;reservation&gt;</c>, kind
    /// <c>parked-node-group</c>, the record as camelCase JSON).
    /// </summary>
    public static void Park(HandlerHarness h, string groupName, string reservationId, string? successor = null, string cluster = "demo")
    {
        var groupId = h.NodeGroupId(groupName, cluster);
        var record = new ParkedNodeGroup(h.ClusterId(cluster), groupId, groupName, "wind-down", reservationId, EndOf(h, reservationId), successor,
            new NodeGroupScaling(groupId, groupName, 0, 2), [], h.Aws.Clock.GetUtcNow());
        h.Aws.Call("dynamodb", "PutItem", new JsonObject
        {
            ["TableName"] = HandlerHarness.LeaseTable,
            ["Item"] = new JsonObject
            {
                ["clusterId"] = S($"parked#{groupId}#{reservationId}"),
                ["kind"] = S("parked-node-group"),
                ["cluster"] = S(record.ClusterId),
                ["reservationId"] = S(reservationId),
                ["parkedBy"] = S("arn:aws:states:us-east-1:111122223333:execution:CapacityBlockExpiryStateMachine:test"),
                ["parked"] = S(JsonSerializer.Serialize(record, HandlerHarness.Json)),
            },
        });
    }

    private static JsonObject S(string value) => new() { ["S"] = value };

    /// <summary>How many calls a service answered since call number <paramref name="since"/>.</summary>
    public static int CallsSince(HandlerHarness h, int since, string service) => h.Aws.Calls.Calls.Skip(since).Count(c => c.Service == service);
}
