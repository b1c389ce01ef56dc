using System.Text.Json.Nodes;

namespace PcsAutomation.Cli.Events.Samples;

/// <summary>
/// Secrets Manager's rotation results as EventBridge delivers them through CloudTrail ("AWS Service Event via CloudTrail"),
/// field for field ../shared/reference/events/secretsmanager-rotation-succeeded.via-cloudtrail.json: the secret's ARN in
/// <c>detail.additionalEventData.SecretId</c>. RotationFailed has the same shape (../shared/reference/README.md,
/// https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieve-ct-entries.html) and carries
/// <c>detail.errorMessage</c> (the README's note on captured RotationFailed events).
/// </summary>
internal static class RotationSamples
{
    public const string Source = "../shared/reference/events/secretsmanager-rotation-succeeded.via-cloudtrail.json; RotationFailed: ../shared/reference/README.md";

    public static JsonObject Succeeded(SampleContext context) => Build(context, "RotationSucceeded", "rotation-succeeded", null);

    public static JsonObject Failed(SampleContext context) =>
        Build(context, "RotationFailed", "rotation-failed", "Secrets Manager cannot invoke the specified Lambda function (sample error message)");

    private static JsonObject Build(SampleContext context, string eventName, string kind, string? errorMessage)
    {
        var secret = SampleContext.Require(context.SecretArn, kind, "--cluster <cluster id> (or --emulator <scenario> and a cluster name)");
        var detail = CloudTrailRecord.Create(context, kind, "1.08",
            new JsonObject { ["accountId"] = context.Account, ["invokedBy"] = "secretsmanager.amazonaws.com" },
            "secretsmanager.amazonaws.com", eventName, ("secretsmanager.amazonaws.com", "secretsmanager.amazonaws.com"), null, null, "AwsServiceEvent",
            new JsonObject { ["SecretId"] = secret }, $"Rotation-{secret}-{context.Uuid(kind + "-request")}");
        if (errorMessage is not null) detail["errorMessage"] = errorMessage;
        return EventEnvelope.Create(context, kind, "aws.secretsmanager", "AWS Service Event via CloudTrail", detail);
    }
}
