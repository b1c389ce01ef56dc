using System.Text.Json;
using System.Text.Json.Nodes;
using PcsAutomation.Cli.Events.Samples;
using PcsAutomation.Cli.Invoke;
using PcsAutomation.Domain.CustomResources;
using PcsAutomation.LocalAws;
using PcsAutomation.LocalAws.EventBridge;
using PcsAutomation.LocalAws.Tests.EventBridge;
using LocalAwsHost = PcsAutomation.LocalAws.LocalAws;

namespace PcsAutomation.Cli.Tests.Events.Samples;

/// <summary>Every generated kind against template.yaml's own rules, through the emulator's EventBridge pattern matcher.</summary>
public sealed class SampleEventCatalogTests : IAsyncLifetime
{
    private static readonly string TemplatePath = Path.Combine(RepoPaths.Root, "template.yaml");
    private LocalAwsHost aws = null!;

    public Task InitializeAsync()
    {
        aws = LocalAwsHost.CreateInProcess(new LocalAwsOptions { Template = TemplatePath });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await aws.DisposeAsync();

    public static TheoryData<string> Kinds => [.. SampleEventCatalog.Kinds.Select(k => k.Name)];

    /// <summary>Every value a kind may need, as flags would give them.</summary>
    private static SampleContext Context(string account = "111122223333") => SampleScenario.FromFlags(
        new SampleRequest("pcs_a1b2c3d4e5", "pcs_f6g7h8i9j0", "ami-0123456789abcdef0", "cr-0b000000000000001", "i-0123456789abcdef0", null),
        account, "us-east-1", new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Kinds_EveryEventsEntryOfTheTemplate_HasAKindAndEveryKindsTriggerExists()
    {
        var template = (JsonObject)YamlJson.Parse(File.ReadAllText(TemplatePath))!;
        var entries = new List<TemplateTrigger>();
        foreach (var (logicalId, resource) in (JsonObject)template["Resources"]!)
            foreach (var (eventName, _) in resource?["Properties"]?["Events"] as JsonObject ?? [])
                entries.Add(new TemplateTrigger(logicalId, eventName));

        Assert.True(entries.Count >= 6, "the template's rules and schedules were read");
        var triggers = SampleEventCatalog.Kinds.Select(k => k.Trigger).ToHashSet();
        Assert.All(entries, entry => Assert.Contains(entry, triggers));
        Assert.All(triggers.Where(t => t.EventName is not null), trigger => Assert.Contains(trigger, entries));
        var functions = aws.Template!.Functions.Select(f => f.LogicalId).ToHashSet();
        Assert.All(triggers, trigger => Assert.Contains(trigger.FunctionLogicalId, functions));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Build_EachKind_FitsItsFunctionAndMatchesItsOwnRulesPattern(string name)
    {
        var kind = SampleEventCatalog.Find(name);
        var evt = kind.Build(Context());
        var function = aws.Template!.Functions.Single(f => f.LogicalId == kind.Trigger.FunctionLogicalId);

        Assert.Null(EventShapeCheck.Problem(function, aws.Template.Rules, evt));
        switch (kind.Shape)
        {
            case SampleShape.RuleEvent:
                var rule = aws.Template.Rules.Single(r => r.Name == kind.Trigger.FunctionLogicalId + kind.Trigger.EventName);
                Assert.True(rule.Pattern!.Matches(evt), $"{name} matches {rule.Pattern.Json}");
                // and no other function's rule: the event goes to its function only
                Assert.All(aws.Template.Rules.Where(r => r != rule && r.Pattern is not null), other => Assert.False(other.Pattern!.Matches(evt), other.Name));
                break;
            case SampleShape.Scheduled:
                var schedule = aws.Template.Rules.Single(r => r.Name == kind.Trigger.FunctionLogicalId + kind.Trigger.EventName);
                Assert.NotNull(schedule.Schedule);
                // the emulator's own Scheduled Event: the same members, the rule's ARN as the resource
                var emulators = aws.Events.Envelope("aws.events", "Scheduled Event", new JsonObject(), [schedule.Arn], aws.Clock.GetUtcNow());
                Assert.Equal(emulators.Select(p => p.Key).Order(StringComparer.Ordinal), ((JsonObject)evt).Select(p => p.Key).Order(StringComparer.Ordinal));
                Assert.Equal(schedule.Arn, evt["resources"]![0]!.GetValue<string>());
                break;
            case SampleShape.CustomResourceRequest:
                using (var document = JsonDocument.Parse(evt.ToJsonString()))
                    Assert.Empty(CustomResourceRequestParser.Parse(document.RootElement).Problems);
                break;
        }
    }

    [Theory]
    [InlineData("rotation-succeeded", "secretsmanager-rotation-succeeded.via-cloudtrail.json")]
    [InlineData("rotation-failed", "secretsmanager-rotation-succeeded.via-cloudtrail.json")]
    [InlineData("pcs-update-compute-node-group", "aws-api-call-via-cloudtrail.s3-createbucket.json")]
    [InlineData("schedule-rotation", "scheduled-event.json")]
    public void Build_CloudTrailAndScheduledKinds_TheReferenceSamplesMembers(string name, string reference)
    {
        var sample = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Shared, "reference", "events", reference)))!;
        var evt = (JsonObject)SampleEventCatalog.Find(name).Build(Context());

        Assert.Equal(sample.Select(p => p.Key).Order(StringComparer.Ordinal), evt.Select(p => p.Key).Order(StringComparer.Ordinal));
        if (sample["detail"] is JsonObject { Count: > 0 } detail)
            Assert.All(detail.Select(p => p.Key), key => Assert.True(((JsonObject)evt["detail"]!).ContainsKey(key), $"detail.{key}"));
    }

    [Fact]
    public void Build_RotationFailed_CarriesTheErrorMessageAndTheClustersSecret()
    {
        var evt = SampleEventCatalog.Find("rotation-failed").Build(Context());

        Assert.Equal("RotationFailed", evt["detail"]!["eventName"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(evt["detail"]!["errorMessage"]?.GetValue<string>()));
        Assert.StartsWith("arn:aws:secretsmanager:us-east-1:111122223333:secret:pcs!slurm-secret-pcs_a1b2c3d4e5-",
            evt["detail"]!["additionalEventData"]!["SecretId"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MissingValue_UsageErrorNamingTheFlag()
    {
        var context = new SampleContext("111122223333", "us-east-1", DateTimeOffset.UnixEpoch);

        var error = Assert.Throws<CliException>(() => SampleEventCatalog.Find("capacity-block-delivered").Build(context));

        Assert.Contains("needs --reservation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_UnknownKind_ListsTheKinds()
    {
        var error = Assert.Throws<CliException>(() => SampleEventCatalog.Find("rotation"));

        Assert.Contains("rotation-succeeded", error.Message, StringComparison.Ordinal);
    }
}
