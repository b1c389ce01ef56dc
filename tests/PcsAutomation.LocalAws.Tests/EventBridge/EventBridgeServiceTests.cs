using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PcsAutomation.LocalAws.EventBridge;

namespace PcsAutomation.LocalAws.Tests.EventBridge;

public sealed class EventBridgeServiceTests : IDisposable
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly List<EventDelivery> deliveries = [];
    private readonly EventBus bus;
    private readonly EventBridgeService service;

    public EventBridgeServiceTests()
    {
        bus = new EventBus(clock, deliveries.Add);
        service = new EventBridgeService(bus);
    }

    public void Dispose() => bus.Dispose();

    private JsonNode Call(string operation, string json) => service.Invoke(operation, JsonNode.Parse(json)!.AsObject());

    private AwsServiceException Fails(string operation, string json) => Assert.Throws<AwsServiceException>(() => Call(operation, json));

    private static string TestRequest(string pattern, string evt) =>
        new JsonObject { ["EventPattern"] = pattern, ["Event"] = evt }.ToJsonString();

    private const string FullEvent = """{"id":"1","account":"123456789012","source":"com.example","time":"2026-11-25T12:00:00Z","region":"us-east-1","resources":[],"detail-type":"Order","detail":{"n":5}}""";

    [Fact]
    public void TestEventPattern_MatchingAndNonMatching_ReturnsResult()
    {
        Assert.True(Call("TestEventPattern", TestRequest("""{"detail":{"n":[{"numeric":[">",1]}]}}""", FullEvent))["Result"]!.GetValue<bool>());
        Assert.False(Call("TestEventPattern", TestRequest("""{"source":["other"]}""", FullEvent))["Result"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("id")]
    [InlineData("account")]
    [InlineData("source")]
    [InlineData("time")]
    [InlineData("region")]
    [InlineData("detail-type")]
    public void TestEventPattern_EventMissingEnvelopeField_ValidationException(string field)
    {
        var evt = JsonNode.Parse(FullEvent)!.AsObject();
        evt.Remove(field);
        var error = Fails("TestEventPattern", TestRequest("""{"source":["com.example"]}""", evt.ToJsonString()));
        Assert.Equal(("ValidationException", "Parameter Event is not valid."), (error.Code, error.Message));
    }

    [Fact]
    public void TestEventPattern_EventNotJson_ValidationException() =>
        Assert.Equal("ValidationException", Fails("TestEventPattern", TestRequest("""{"source":["x"]}""", "{nope")).Code);

    [Fact]
    public void TestEventPattern_InvalidPattern_InvalidEventPatternException() =>
        Assert.Equal("InvalidEventPatternException", Fails("TestEventPattern", TestRequest("""{"source":"x"}""", FullEvent)).Code);

    [Fact]
    public void TestEventPattern_MissingOrMistypedMember_ValidationOrSerializationException()
    {
        var missing = Fails("TestEventPattern", """{"Event":"{}"}""");
        Assert.Equal("ValidationException", missing.Code);
        Assert.Contains("'eventPattern'", missing.Message, StringComparison.Ordinal);
        Assert.Equal("SerializationException", Fails("TestEventPattern", """{"EventPattern":{"a":1},"Event":"{}"}""").Code);
    }

    [Fact]
    public void PutEvents_MatchingRule_DeliversEnvelopeToEveryTarget()
    {
        Call("PutRule", """{"Name":"orders","EventPattern":"{\"source\":[\"com.example\"],\"detail\":{\"n\":[5]}}"}""");
        Call("PutTargets", """{"Rule":"orders","Targets":[{"Id":"fn","Arn":"arn:aws:lambda:us-east-1:123456789012:function:Router"},{"Id":"sm","Arn":"arn:aws:states:us-east-1:123456789012:stateMachine:Rotate","InputPath":"$.detail"}]}""");

        var response = Call("PutEvents", """{"Entries":[{"Source":"com.example","DetailType":"Order","Detail":"{\"n\":5}","Resources":["r1"]},{"Source":"com.example","DetailType":"Order","Detail":"{\"n\":6}"}]}""");

        Assert.Equal(0, response["FailedEntryCount"]!.GetValue<int>());
        Assert.All(response["Entries"]!.AsArray(), e => Assert.False(string.IsNullOrEmpty(e!["EventId"]!.GetValue<string>())));
        Assert.Equal(2, deliveries.Count);
        var evt = deliveries[0].Event;
        Assert.Equal(response["Entries"]![0]!["EventId"]!.GetValue<string>(), evt["id"]!.GetValue<string>());
        Assert.Equal("0", evt["version"]!.GetValue<string>());
        Assert.Equal("Order", evt["detail-type"]!.GetValue<string>());
        Assert.Equal("2026-11-25T12:00:00Z", evt["time"]!.GetValue<string>());
        Assert.Equal("123456789012", evt["account"]!.GetValue<string>());
        Assert.Equal("r1", evt["resources"]![0]!.GetValue<string>());
        Assert.Equal(TargetKind.LambdaFunction, deliveries[0].Target.Kind);
        Assert.Equal(TargetKind.StateMachine, deliveries[1].Target.Kind);
        Assert.Equal("""{"n":5}""", deliveries[1].Input!.ToJsonString());
    }

    [Fact]
    public void PutEvents_BadEntries_ReportedPerEntryAndNotDelivered()
    {
        Call("PutRule", """{"Name":"all","EventPattern":"{\"detail-type\":[{\"exists\":true}]}"}""");
        Call("PutTargets", """{"Rule":"all","Targets":[{"Id":"fn","Arn":"arn:aws:lambda:us-east-1:123456789012:function:F"}]}""");

        var response = Call("PutEvents", """
            {"Entries":[
              {"DetailType":"d","Detail":"{}"},
              {"Source":"s","Detail":"{}"},
              {"Source":"s","DetailType":"d"},
              {"Source":"s","DetailType":"d","Detail":"[1,2"},
              {"Source":"aws.pcs","DetailType":"d","Detail":"{}"},
              {"Source":"s","DetailType":"d","Detail":"{}","EventBusName":"nope"},
              {"Source":"s","DetailType":"d","Detail":"{}","Time":1764072000}
            ]}
            """);

        Assert.Equal(6, response["FailedEntryCount"]!.GetValue<int>());
        var codes = response["Entries"]!.AsArray().Select(e => e!["ErrorCode"]?.GetValue<string>()).ToList();
        Assert.Equal(["InvalidArgument", "InvalidArgument", "InvalidArgument", "MalformedDetail", "NotAuthorizedForSourceException", "ResourceNotFoundException", null], codes);
        Assert.Equal("Parameter Source is not valid. Reason: Source is a required argument.", response["Entries"]![0]!["ErrorMessage"]!.GetValue<string>());
        var delivered = Assert.Single(deliveries);
        Assert.Equal("2025-11-25T12:00:00Z", delivered.Event["time"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"Entries":[]}""", "ValidationException")]
    [InlineData("""{}""", "ValidationException")]
    [InlineData("""{"Entries":"x"}""", "SerializationException")]
    [InlineData("""{"Entries":[1]}""", "SerializationException")]
    [InlineData("""{"Entries":[{"Source":1}]}""", "SerializationException")]
    public void PutEvents_MalformedRequest_RealErrorCode(string request, string code) =>
        Assert.Equal(code, Fails("PutEvents", request).Code);

    [Fact]
    public void PutEvents_ElevenEntries_ValidationException()
    {
        var entries = new JsonArray(Enumerable.Range(0, 11).Select(_ => (JsonNode)new JsonObject { ["Source"] = "s", ["DetailType"] = "d", ["Detail"] = "{}" }).ToArray());
        var error = Fails("PutEvents", new JsonObject { ["Entries"] = entries }.ToJsonString());
        Assert.Contains("Member must have length less than or equal to 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_PutDescribeListDelete_RoundTrip()
    {
        var arn = Call("PutRule", """{"Name":"nightly","ScheduleExpression":"cron(0 2 * * ? *)","Description":"d","State":"DISABLED"}""")["RuleArn"]!.GetValue<string>();
        Call("PutRule", """{"Name":"other","EventPattern":"{\"source\":[\"a\"]}"}""");

        var described = Call("DescribeRule", """{"Name":"nightly"}""");
        Assert.Equal("arn:aws:events:us-east-1:123456789012:rule/nightly", arn);
        Assert.Equal(arn, described["Arn"]!.GetValue<string>());
        Assert.Equal("DISABLED", described["State"]!.GetValue<string>());
        Assert.Equal("cron(0 2 * * ? *)", described["ScheduleExpression"]!.GetValue<string>());
        Assert.Equal("default", described["EventBusName"]!.GetValue<string>());
        Assert.Equal(["nightly"], Call("ListRules", """{"NamePrefix":"ni"}""")["Rules"]!.AsArray().Select(r => r!["Name"]!.GetValue<string>()));
        var page = Call("ListRules", """{"Limit":1}""");
        Assert.Single(page["Rules"]!.AsArray());
        Assert.Equal("other", Call("ListRules", new JsonObject { ["NextToken"] = page["NextToken"]!.GetValue<string>() }.ToJsonString())["Rules"]![0]!["Name"]!.GetValue<string>());

        Call("DeleteRule", """{"Name":"nightly"}""");
        Assert.Equal("ResourceNotFoundException", Fails("DescribeRule", """{"Name":"nightly"}""").Code);
    }

    [Fact]
    public void DeleteRule_WithTargets_ValidationExceptionUntilTargetsRemoved()
    {
        Call("PutRule", """{"Name":"r","EventPattern":"{\"source\":[\"a\"]}"}""");
        Call("PutTargets", """{"Rule":"r","Targets":[{"Id":"t","Arn":"arn:aws:lambda:us-east-1:123456789012:function:F"}]}""");
        Assert.Equal("Rule can't be deleted since it has targets.", Fails("DeleteRule", """{"Name":"r"}""").Message);
        Assert.Single(Call("ListTargetsByRule", """{"Rule":"r"}""")["Targets"]!.AsArray());

        Call("RemoveTargets", """{"Rule":"r","Ids":["t"]}""");
        Call("DeleteRule", """{"Name":"r"}""");
        Assert.Empty(bus.Rules("default"));
    }

    [Theory]
    [InlineData("PutRule", """{"Name":"bad name","EventPattern":"{\"a\":[1]}"}""", "ValidationException")]
    [InlineData("PutRule", """{"Name":"r"}""", "ValidationException")]
    [InlineData("PutRule", """{"Name":"r","EventPattern":"{\"a\":1}"}""", "InvalidEventPatternException")]
    [InlineData("PutRule", """{"Name":"r","ScheduleExpression":"rate(1 minutes)"}""", "ValidationException")]
    [InlineData("PutRule", """{"Name":"r","ScheduleExpression":"rate(1 minute)","EventBusName":"custom"}""", "ValidationException")]
    [InlineData("PutRule", """{"Name":"r","EventPattern":"{\"a\":[1]}","EventBusName":"custom"}""", "ResourceNotFoundException")]
    [InlineData("PutRule", """{"Name":"r","EventPattern":"{\"a\":[1]}","State":"ON"}""", "ValidationException")]
    [InlineData("PutTargets", """{"Rule":"missing","Targets":[{"Id":"t","Arn":"arn:aws:lambda:us-east-1:1:function:F"}]}""", "ResourceNotFoundException")]
    [InlineData("ListTargetsByRule", """{"Rule":"missing"}""", "ResourceNotFoundException")]
    [InlineData("EnableRule", """{"Name":"missing"}""", "ResourceNotFoundException")]
    [InlineData("Frobnicate", """{}""", "UnknownOperationException")]
    public void Invoke_BadRequest_RealErrorCode(string operation, string request, string code) =>
        Assert.Equal(code, Fails(operation, request).Code);

    [Fact]
    public void PutTargets_BadArnOrInput_ValidationExceptionAndRuleUnchanged()
    {
        Call("PutRule", """{"Name":"r","EventPattern":"{\"source\":[\"a\"]}"}""");
        Assert.Equal("ValidationException", Fails("PutTargets", """{"Rule":"r","Targets":[{"Id":"t","Arn":"lambda"}]}""").Code);
        Assert.Equal("ValidationException", Fails("PutTargets", """{"Rule":"r","Targets":[{"Id":"t","Arn":"arn:aws:lambda:us-east-1:1:function:F","Input":"{"}]}""").Code);
        Assert.Empty(bus.FindRule("default", "r")!.Targets);
    }

    [Fact]
    public void PutTargets_SixthTarget_LimitExceededException()
    {
        Call("PutRule", """{"Name":"r","EventPattern":"{\"source\":[\"a\"]}"}""");
        var targets = new JsonArray(Enumerable.Range(0, 6).Select(i => (JsonNode)new JsonObject { ["Id"] = $"t{i}", ["Arn"] = "arn:aws:lambda:us-east-1:1:function:F" }).ToArray());
        Assert.Equal("LimitExceededException", Fails("PutTargets", new JsonObject { ["Rule"] = "r", ["Targets"] = targets }.ToJsonString()).Code);
    }

    [Fact]
    public void DisableRule_ThenPublish_NotDelivered()
    {
        Call("PutRule", """{"Name":"r","EventPattern":"{\"source\":[\"aws.pcs\"]}"}""");
        Call("PutTargets", """{"Rule":"r","Targets":[{"Id":"t","Arn":"arn:aws:lambda:us-east-1:1:function:F"}]}""");
        Call("DisableRule", """{"Name":"r"}""");
        Assert.Equal(0, bus.Publish("""{"source":"aws.pcs","detail-type":"AWS API Call via CloudTrail","detail":{}}"""));
        Call("EnableRule", """{"Name":"r"}""");
        Assert.Equal(1, bus.Publish("""{"source":"aws.pcs","detail-type":"AWS API Call via CloudTrail","detail":{}}"""));
    }

    [Fact]
    public void Publish_CloudTrailEventWithInputTransformer_TemplateFilled()
    {
        Call("PutRule", """{"Name":"rotation","EventPattern":"{\"source\":[\"aws.secretsmanager\"],\"detail\":{\"eventName\":[\"RotationSucceeded\"]}}"}""");
        Call("PutTargets", """
            {"Rule":"rotation","Targets":[{"Id":"t","Arn":"arn:aws:states:us-east-1:1:stateMachine:S",
              "InputTransformer":{"InputPathsMap":{"secret":"$.detail.additionalEventData.SecretId","name":"$.detail.eventName"},
                                  "InputTemplate":"{\"secretId\": <secret>, \"message\": \"got <name>\"}"}}]}
            """);
        var evt = File.ReadAllText(Path.Combine(RepoPaths.Shared, "reference", "events", "secretsmanager-rotation-succeeded.via-cloudtrail.json"));

        Assert.Equal(1, bus.Publish(evt));

        var input = deliveries.Single().Input!;
        Assert.StartsWith("arn:aws:secretsmanager:", input["secretId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("got RotationSucceeded", input["message"]!.GetValue<string>());
    }
}
