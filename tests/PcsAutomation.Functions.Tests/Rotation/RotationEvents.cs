using System.Text.Json.Nodes;
using PcsAutomation.Functions.Tests.Support;
using PcsAutomation.Functions.Workflows;

namespace PcsAutomation.Functions.Tests.Rotation;

/// <summary>Secrets Manager rotation events as the emulator's CloudTrail recorded them (the EventBridge envelope).</summary>
internal static class RotationEvents
{
    public static JsonObject Last(HandlerHarness harness, string eventName) =>
        harness.Aws.CloudTrail.Events.Last(e => e["detail"]!["eventName"]!.GetValue<string>() == eventName);

    /// <summary>The reference event's shape (shared/reference/events) for a secret and result of the test's choosing.</summary>
    public static JsonObject For(string secretId, string eventName, string? errorMessage = null, string source = "aws.secretsmanager")
    {
        var detail = new JsonObject
        {
            ["eventVersion"] = "1.08",
            ["userIdentity"] = new JsonObject { ["accountId"] = "111122223333", ["invokedBy"] = "secretsmanager.amazonaws.com" },
            ["eventTime"] = "2026-01-05T08:02:00Z",
            ["eventSource"] = "secretsmanager.amazonaws.com",
            ["eventName"] = eventName,
            ["awsRegion"] = "us-east-1",
            ["requestParameters"] = null,
            ["responseElements"] = null,
            ["additionalEventData"] = new JsonObject { ["SecretId"] = secretId },
            ["eventType"] = "AwsServiceEvent",
        };
        if (errorMessage is not null) detail["errorMessage"] = errorMessage;
        return new JsonObject
        {
            ["version"] = "0",
            ["id"] = "dd5fd657-7361-f5d2-0c0f-0fe27390611b",
            ["detail-type"] = "AWS Service Event via CloudTrail",
            ["source"] = source,
            ["account"] = "111122223333",
            ["time"] = "2026-01-05T08:02:00Z",
            ["region"] = "us-east-1",
            ["resources"] = new JsonArray(),
            ["detail"] = detail,
        };
    }
}
