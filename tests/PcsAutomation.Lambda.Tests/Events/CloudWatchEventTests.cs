using System.Text.Json;
using PcsAutomation.Lambda.Events;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Lambda.Tests.Events;

public class CloudWatchEventTests
{
    // ../shared/reference relative to the repo root; tests run from tests/<project>/bin/<config>/<tfm>/.
    private static string EventFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "reference", "events", name);
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "PcsAutomation.sln")))
                return File.ReadAllText(candidate);
        }
        throw new FileNotFoundException($"../shared/reference/events/{name} not found above {AppContext.BaseDirectory}");
    }

    [Fact]
    public void Deserialize_CloudTrailApiCall_ReadsEnvelopeAndDetail()
    {
        var e = JsonSerializer.Deserialize(EventFile("aws-api-call-via-cloudtrail.s3-createbucket.json"), LambdaEventsJsonContext.Default.CloudWatchEventCloudTrailDetail)!;

        Assert.Equal(("0", "AWS API Call via CloudTrail", "aws.s3", "123456789012", "us-east-1"), (e.Version, e.DetailType, e.Source, e.Account, e.Region));
        Assert.Equal(new DateTimeOffset(2016, 2, 20, 1, 9, 13, TimeSpan.Zero), e.Time);
        var detail = e.Detail!;
        Assert.Equal(("s3.amazonaws.com", "CreateBucket", "AwsApiCall", "9D767BCC3B4E7487"), (detail.EventSource, detail.EventName, detail.EventType, detail.RequestId));
        Assert.Equal("bucket-test-iad", detail.RequestParameters!.Value.GetProperty("bucketName").GetString());
        Assert.Null(detail.ResponseElements);
        Assert.Equal("Root", detail.UserIdentity!.Type);
    }

    [Fact]
    public void Deserialize_SecretsManagerRotationSucceeded_ReadsServiceEventFields()
    {
        var e = JsonSerializer.Deserialize(EventFile("secretsmanager-rotation-succeeded.via-cloudtrail.json"), LambdaEventsJsonContext.Default.CloudWatchEventCloudTrailDetail)!;

        var detail = e.Detail!;
        Assert.Equal(("AWS Service Event via CloudTrail", "RotationSucceeded", "AwsServiceEvent"), (e.DetailType, detail.EventName, detail.EventType));
        Assert.Equal("arn:aws:secretsmanager:us-west-2:accountid:secret:Appuser-pyodbc-WoDpmU", detail.AdditionalEventData!.Value.GetProperty("SecretId").GetString());
        Assert.Equal((false, true), (detail.ReadOnly, detail.ManagementEvent));
        Assert.Equal("secretsmanager.amazonaws.com", detail.UserIdentity!.InvokedBy);
        Assert.Empty(e.Resources);
    }

    [Theory]
    [InlineData("scheduled-event.json", "0", "arn:aws:events:us-east-1:123456789012:rule/my-schedule")]
    [InlineData("scheduled-event.eventbridge-docs.json", null, "arn:aws:events:us-east-1:123456789012:rule/MyScheduledRule")]
    public void Deserialize_ScheduledEvent_ToleratesMissingVersion(string file, string? version, string rule)
    {
        var e = JsonSerializer.Deserialize(EventFile(file), LambdaEventsJsonContext.Default.CloudWatchEventJsonElement)!;

        Assert.Equal(("Scheduled Event", "aws.events", version), (e.DetailType, e.Source, e.Version));
        Assert.Equal(rule, Assert.Single(e.Resources));
        Assert.Equal(JsonValueKind.Object, e.Detail.ValueKind);
    }

    // The EC2 capacity block files are documentation templates ("[Current time]", detail_type): not events. A handler
    // fed one must fail with a clear message naming the type, not crash the loop.
    [Theory]
    [InlineData("ec2-capacity-block-delivered.docs-template.json")]
    [InlineData("ec2-capacity-block-expiration-warning.docs-template.json")]
    public async Task HandlerWrapper_DocumentationTemplate_FailsNamingTheEventType(string file)
    {
        var handler = HandlerWrapper.Create(
            (CloudWatchEvent<JsonElement> e, Core.ILambdaContext _) => Task.FromResult(e.Id ?? ""),
            LambdaEventsJsonContext.Default.CloudWatchEventJsonElement,
            TestStrings.Default.String);

        var e = await Assert.ThrowsAsync<LambdaSerializationException>(() => handler(System.Text.Encoding.UTF8.GetBytes(EventFile(file)), null!));
        Assert.Contains("CloudWatchEvent<JsonElement>", e.Message, StringComparison.Ordinal);
        Assert.Contains("$.time", e.Message, StringComparison.Ordinal);
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class TestStrings : System.Text.Json.Serialization.JsonSerializerContext;
