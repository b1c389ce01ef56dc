namespace PcsAutomation.Cli.Events.Samples;

/// <summary>
/// Every kind <c>events generate</c> writes: one or more per entry of template.yaml's <c>Events</c> (its EventBridge rules
/// and schedules) and the custom resource requests of the Custom::AMILookup provider. A test checks that each kind
/// matches its trigger's rule in the template and that every <c>Events</c> entry has a kind.
/// </summary>
public static class SampleEventCatalog
{
    private static readonly TemplateTrigger RotationEvents = new("RotationEventRouterFunction", "RotationEvents");
    private static readonly TemplateTrigger CapacityBlockEvents = new("CapacityBlockEventRouterFunction", "CapacityBlockEvents");
    private static readonly TemplateTrigger PcsNodeGroupCalls = new("NodeGroupAmiAuditFunction", "PcsNodeGroupCalls");
    private static readonly TemplateTrigger AmiLookup = new("AmiLookupCustomResourceFunction", null);

    public static IReadOnlyList<SampleEventKind> Kinds { get; } =
    [
        new("rotation-succeeded", "Secrets Manager RotationSucceeded of a cluster's secret (via CloudTrail)", RotationSamples.Source,
            SampleShape.RuleEvent, RotationEvents, RotationSamples.Succeeded),
        new("rotation-failed", "Secrets Manager RotationFailed of a cluster's secret (via CloudTrail)", RotationSamples.Source,
            SampleShape.RuleEvent, RotationEvents, RotationSamples.Failed),
        Block("capacity-block-delivered", "Capacity Block Delivered"),
        Block("capacity-block-expiration-warning", "Capacity Block Expiration Warning"),
        Block("capacity-block-reservation-delivered", "Capacity Block Reservation Delivered"),
        Block("capacity-block-reservation-expiration-warning", "Capacity Block Reservation Expiration Warning"),
        new("capacity-block-interruption-warning", "EC2 Capacity Reservation Instance Interruption Warning of an instance in a block", CapacityBlockSamples.Source,
            SampleShape.RuleEvent, CapacityBlockEvents, CapacityBlockSamples.InterruptionWarning),
        new("pcs-create-compute-node-group", "PCS CreateComputeNodeGroup call (via CloudTrail)", PcsCallSamples.Source,
            SampleShape.RuleEvent, PcsNodeGroupCalls, PcsCallSamples.Create),
        new("pcs-update-compute-node-group", "PCS UpdateComputeNodeGroup call setting an AMI (via CloudTrail)", PcsCallSamples.Source,
            SampleShape.RuleEvent, PcsNodeGroupCalls, PcsCallSamples.Update),
        Schedule("schedule-rotation", new TemplateTrigger("RotationReconcilerFunction", "ReconcileSchedule")),
        Schedule("schedule-ami-update", new TemplateTrigger("AmiUpdateReconcilerFunction", "AmiUpdateSchedule")),
        Schedule("schedule-capacity-block", new TemplateTrigger("CapacityBlockReconcilerFunction", "CapacityBlockSchedule")),
        CustomResource("Create"),
        CustomResource("Update"),
        CustomResource("Delete"),
    ];

    /// <summary>The kind named <paramref name="name"/>, or a usage error listing them all.</summary>
    public static SampleEventKind Find(string name) =>
        Kinds.FirstOrDefault(k => k.Name == name)
        ?? throw new CliException($"No event kind '{name}'. Kinds: {string.Join(", ", Kinds.Select(k => k.Name))}.");

    /// <summary>The kinds whose trigger is <paramref name="functionLogicalId"/>'s.</summary>
    public static IReadOnlyList<SampleEventKind> For(string functionLogicalId) =>
        [.. Kinds.Where(k => k.Trigger.FunctionLogicalId == functionLogicalId)];

    private static SampleEventKind Block(string name, string detailType) =>
        new(name, $"EC2 {detailType} of a Capacity Block", CapacityBlockSamples.Source, SampleShape.RuleEvent, CapacityBlockEvents,
            CapacityBlockSamples.Block(name, detailType));

    private static SampleEventKind Schedule(string name, TemplateTrigger trigger) =>
        new(name, $"the Scheduled Event of {trigger.FunctionLogicalId}'s {trigger.EventName}", ScheduleSamples.Source, SampleShape.Scheduled, trigger,
            ScheduleSamples.For(name, trigger));

    private static SampleEventKind CustomResource(string requestType) =>
        new($"custom-resource-{requestType.ToLowerInvariant()}", $"CloudFormation {requestType} request to the Custom::AMILookup provider", CustomResourceSamples.Source,
            SampleShape.CustomResourceRequest, AmiLookup, CustomResourceSamples.For(requestType));
}
