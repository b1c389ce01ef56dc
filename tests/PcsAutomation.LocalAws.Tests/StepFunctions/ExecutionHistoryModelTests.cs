using System.Text.Json.Nodes;
using PcsAutomation.Aws.StepFunctions.Model;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.StepFunctions;

/// <summary>GetExecutionHistory against the botocore model: every event details member carries what its shape requires.</summary>
public sealed class ExecutionHistoryModelTests
{
    private const string PassTaskPass = """
        {
          "StartAt": "Prepare",
          "States": {
            "Prepare": { "Type": "Pass", "Result": { "maxResults": 5 }, "Next": "List" },
            "List": { "Type": "Task", "Resource": "arn:aws:states:::aws-sdk:pcs:listClusters", "Parameters": { "MaxResults.$": "$.maxResults" }, "Next": "Done" },
            "Done": { "Type": "Pass", "End": true }
          }
        }
        """;

    private static readonly JsonObject Shapes = JsonNode.Parse(File.ReadAllText(Reference.Path("botocore/stepfunctions.service-2.json")))!["shapes"]!.AsObject();

    /// <summary>HistoryEvent member name (e.g. taskScheduledEventDetails) → the members its shape marks required.</summary>
    private static List<string> Required(string detailsMember)
    {
        var shapeName = Shapes["HistoryEvent"]!["members"]![detailsMember]?["shape"]?.GetValue<string>()
            ?? throw new Xunit.Sdk.XunitException($"{detailsMember} is not a HistoryEvent member of the model.");
        return Shapes[shapeName]!["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToList() ?? [];
    }

    private static async Task<string> RunAsync(StepFunctionsClients sfn)
    {
        var machine = sfn.CreateStateMachine("history", PassTaskPass);
        var started = await sfn.Sfn.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machine, Name = "h-1", Input = """{"who":"me"}""" });
        Assert.Equal(ExecutionStatus.SUCCEEDED, (await sfn.RunAsync(started.ExecutionArn)).Status);
        return started.ExecutionArn;
    }

    private static JsonArray Events(StepFunctionsClients sfn, string executionArn, bool includeExecutionData) =>
        sfn.Aws.Call("states", "GetExecutionHistory", new JsonObject { ["executionArn"] = executionArn, ["includeExecutionData"] = includeExecutionData })["events"]!.AsArray();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetExecutionHistory_EveryEventDetails_HasTheModelsRequiredMembers(bool includeExecutionData)
    {
        await using var sfn = await StepFunctionsClients.StartAsync();
        var arn = await RunAsync(sfn);

        var details = Events(sfn, arn, includeExecutionData).SelectMany(e => e!.AsObject())
            .Where(p => p.Key.EndsWith("EventDetails", StringComparison.Ordinal)).ToList();

        Assert.Contains(details, d => d.Key == "taskScheduledEventDetails"); // the shape with a required data member
        Assert.All(details, d => Assert.All(Required(d.Key), member => Assert.True(d.Value!.AsObject().ContainsKey(member), $"{d.Key}.{member}")));
    }

    [Fact] // "execution data (input or output of a history event)": GetExecutionHistoryInput.includeExecutionData
    public async Task GetExecutionHistory_WithoutExecutionData_NoInputOrOutputButTaskParametersKept()
    {
        await using var sfn = await StepFunctionsClients.StartAsync();
        var arn = await RunAsync(sfn);

        var events = Events(sfn, arn, includeExecutionData: false);
        var throughClient = await sfn.Sfn.GetExecutionHistoryAsync(new GetExecutionHistoryRequest { ExecutionArn = arn, IncludeExecutionData = false });

        var details = events.SelectMany(e => e!.AsObject()).Where(p => p.Key.EndsWith("EventDetails", StringComparison.Ordinal)).Select(p => p.Value!.AsObject()).ToList();
        Assert.NotEmpty(details);
        Assert.All(details, d => Assert.False(d.ContainsKey("input") || d.ContainsKey("output"), d.ToJsonString()));
        var scheduled = events.Single(e => e!["type"]!.GetValue<string>() == "TaskScheduled")!["taskScheduledEventDetails"]!;
        Assert.Equal(5, JsonNode.Parse(scheduled["parameters"]!.GetValue<string>())!["MaxResults"]!.GetValue<int>());
        Assert.Equal(events.Count, throughClient.Events.Count);
    }
}
