using PcsAutomation.Aws.Runtime;

namespace PcsAutomation.Cli.Events;

/// <summary>
/// EventBridge PutEvents over the product's JSON transport (the product has no EventBridge client and needs none:
/// its workflows publish through the Step Functions integration). awsJson1_1, target <c>AWSEvents.PutEvents</c>.
/// </summary>
public sealed class EventBridgeClient(IAwsJsonInvoker invoker)
{
    /// <summary>How EventBridge speaks awsJson: service id for AWS_ENDPOINT_URL_EVENTBRIDGE, endpoint prefix and signing name "events".</summary>
    public static AwsServiceMetadata ServiceMetadata { get; } = new("EventBridge", "events", "events", "AWSEvents", "1.1");

    public Task<PutEventsResponse> PutEventsAsync(IReadOnlyList<EventEntry> entries, CancellationToken cancellationToken) =>
        invoker.InvokeAsync(
            "PutEvents",
            new PutEventsRequest(entries),
            EventBridgeJsonContext.Default.PutEventsRequest,
            EventBridgeJsonContext.Default.PutEventsResponse,
            cancellationToken);
}
