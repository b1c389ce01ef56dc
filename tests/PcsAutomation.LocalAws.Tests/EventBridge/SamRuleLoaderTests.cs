using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PcsAutomation.LocalAws.EventBridge;

namespace PcsAutomation.LocalAws.Tests.EventBridge;

public sealed class SamRuleLoaderTests : IDisposable
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly List<EventDelivery> deliveries = [];
    private readonly EventBus bus;
    private readonly IReadOnlyList<EventRule> rules;

    public SamRuleLoaderTests()
    {
        bus = new EventBus(clock, deliveries.Add);
        var yaml = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "PcsAutomation.LocalAws.Tests", "EventBridge", "Fixtures", "sam-rules.yaml"));
        rules = SamRuleLoader.Load(yaml, bus, new Dictionary<string, string> { ["AWS::StackName"] = "pcs-automation" });
    }

    public void Dispose() => bus.Dispose();

    private EventRule Rule(string name, string busName = "default") => bus.FindRule(busName, name) ?? throw new Xunit.Sdk.XunitException($"no rule {name}");

    [Fact]
    public void Load_Fixture_FindsEveryRuleKind()
    {
        Assert.Equal(
            ["CustomBusRule", "EventRouterFunctionPcsApiCalls", "ReconcilerFunctionEvery15Minutes", "ReconcilerFunctionNightly",
             "capacity-block-events", "secret-rotation-events", "weekly-rotation"],
            rules.Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_EventBridgeRuleOfFunction_PatternAndLambdaTargetWithHandler()
    {
        var rule = Rule("EventRouterFunctionPcsApiCalls");
        var target = Assert.Single(rule.Targets);
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:EventRouterFunction", target.Arn);
        Assert.Equal("EventRouter", target.Handler);
        Assert.Equal(TargetKind.LambdaFunction, target.Kind);
        Assert.True(rule.Pattern!.Matches(JsonNode.Parse("""{"source":"aws.pcs","detail-type":"AWS API Call via CloudTrail","detail":{"eventName":"UpdateCluster"}}""")));
        Assert.False(rule.Pattern.Matches(JsonNode.Parse("""{"source":"aws.pcs","detail-type":"AWS API Call via CloudTrail","detail":{"eventName":"GetCluster"}}""")));
    }

    [Fact]
    public void Load_CloudWatchEventWithRuleNameAndInputPath_DeliversDetail()
    {
        var evt = File.ReadAllText(Path.Combine(RepoPaths.Shared, "reference", "events", "secretsmanager-rotation-succeeded.via-cloudtrail.json"));

        Assert.Equal(1, bus.Publish(evt));

        var delivery = Assert.Single(deliveries);
        Assert.Equal("secret-rotation-events", delivery.Rule.Name);
        Assert.Equal("RotationSucceeded", delivery.Input!["eventName"]!.GetValue<string>());
    }

    [Fact]
    public void Load_ScheduleFromParameterDefault_FiresWithConstantInput()
    {
        var rule = Rule("ReconcilerFunctionEvery15Minutes");
        Assert.Equal("rate(15 minutes)", rule.Schedule!.Text);
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:pcs-automation-reconciler", rule.Targets[0].Arn);
        Assert.Equal("bootstrap", rule.Targets[0].Handler);

        clock.Advance(TimeSpan.FromMinutes(15));

        var delivery = Assert.Single(deliveries);
        Assert.Equal("reconcile", delivery.Input!["mode"]!.GetValue<string>());
        Assert.Equal("Scheduled Event", delivery.Event["detail-type"]!.GetValue<string>());
    }

    [Fact]
    public void Load_ScheduleV2Disabled_LoadedButNotFiring()
    {
        var rule = Rule("ReconcilerFunctionNightly");
        Assert.False(rule.Enabled);
        Assert.Null(bus.NextScheduledTime("default", "ReconcilerFunctionNightly"));
    }

    [Fact]
    public void Load_StateMachineScheduleWithName_TargetsStateMachineArn()
    {
        var rule = Rule("weekly-rotation");
        Assert.Equal("arn:aws:states:us-east-1:123456789012:stateMachine:pcs-secret-rotation", rule.Targets.Single().Arn);
        Assert.Equal(TargetKind.StateMachine, rule.Targets.Single().Kind);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 3, 0, 0, TimeSpan.Zero), bus.NextScheduledTime("default", "weekly-rotation"));
    }

    [Fact]
    public void Load_EventsRuleResource_RefAndGetAttTargetsAndTransformer()
    {
        var rule = Rule("capacity-block-events");
        Assert.Equal(["capacity-state-machine", "router"], rule.Targets.Select(t => t.Id));
        Assert.Equal("arn:aws:states:us-east-1:123456789012:stateMachine:pcs-secret-rotation", rule.Targets[0].Arn);
        Assert.Equal("RotationStateMachine", rule.Targets[0].LogicalId);
        Assert.Equal("EventRouter", rule.Targets[1].Handler);

        bus.Publish("""{"source":"aws.ec2","detail-type":"Capacity Block Reservation Delivered","detail":{"capacity-reservation-id":"cr-123","managed":"true"}}""");

        Assert.Equal(2, deliveries.Count);
        Assert.Equal("""{"reservationId":"cr-123"}""", deliveries[0].Input!.ToJsonString());
    }

    [Fact]
    public void Load_RuleOnCustomBusWithJsonStringPattern_MatchesNullOnThatBusOnly()
    {
        var rule = Rule("CustomBusRule", "pcs-automation");
        Assert.Equal("arn:aws:events:us-east-1:123456789012:rule/pcs-automation/CustomBusRule", rule.Arn);
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:EventRouterFunction", rule.Targets.Single().Arn);

        Assert.Equal(0, bus.Publish("""{"source":"pcs-automation","detail":{"result":null}}"""));
        Assert.Equal(1, bus.Publish("""{"source":"pcs-automation","detail":{"result":null}}""", "pcs-automation"));
    }

    [Fact]
    public void YamlJson_ShortFormTags_BecomeLongForm()
    {
        var node = YamlJson.Parse("""
            a: !Ref Param
            b: !GetAtt Fn.Arn
            c: !Sub "x-${AWS::Region}"
            d: !Join [",", [a, b]]
            e: 5
            f: "5"
            g: true
            h: ~
            """)!;
        Assert.Equal("""{"a":{"Ref":"Param"},"b":{"Fn::GetAtt":["Fn","Arn"]},"c":{"Fn::Sub":"x-${AWS::Region}"},"d":{"Fn::Join":[",",["a","b"]]},"e":5,"f":"5","g":true,"h":null}""", node.ToJsonString());
    }

    [Fact]
    public void Load_InvalidPatternInTemplate_InvalidEventPatternException()
    {
        const string yaml = """
            Resources:
              Bad:
                Type: AWS::Events::Rule
                Properties:
                  EventPattern: { source: aws.ec2 }
            """;
        Assert.Equal("InvalidEventPatternException", Assert.Throws<AwsServiceException>(() => SamRuleLoader.Load(yaml, bus)).Code);
    }
}
