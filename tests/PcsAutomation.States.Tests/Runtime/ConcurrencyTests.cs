using System.Text.Json.Nodes;
using PcsAutomation.States.Runtime;
using PcsAutomation.States.Tasks;
using PcsAutomation.States.Tests.Support;

namespace PcsAutomation.States.Tests.Runtime;

/// <summary>Map concurrency limits and failure tolerance, Parallel branches running side by side on the virtual clock.</summary>
public class ConcurrencyTests
{
    private static string MapOfWaits(string extra) => """
        {"StartAt":"M","States":{"M":{"Type":"Map",
        """ + extra + """
          "ItemProcessor":{"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$","End":true}}},"End":true}}}
        """;

    [Fact]
    public async Task Map_MaxConcurrencyTwo_RunsInWaves()
    {
        var harness = new Harness();
        var execution = await harness.RunAsync(MapOfWaits("\"MaxConcurrency\":2,"), "[10,10,10,10,10]");
        Harness.AssertJson("[10,10,10,10,10]", Harness.Output(execution));
        // five 10 s items, two at a time: three waves
        Assert.Equal(TimeSpan.FromSeconds(30), harness.Clock.GetUtcNow() - Harness.Epoch);
        Assert.Equal(6, execution.StateTransitions);
    }

    [Fact]
    public async Task Map_Unlimited_RunsAllAtOnce()
    {
        var harness = new Harness();
        await harness.RunAsync(MapOfWaits("\"MaxConcurrency\":0,"), "[10,20,30,10,5]");
        Assert.Equal(TimeSpan.FromSeconds(30), harness.Clock.GetUtcNow() - Harness.Epoch);
    }

    [Fact]
    public async Task Map_MaxConcurrencyOne_NeverOverlapsTasks()
    {
        var active = 0;
        var maxActive = 0;
        var tasks = new FakeTaskInvoker(i =>
        {
            maxActive = Math.Max(maxActive, Interlocked.Increment(ref active));
            Interlocked.Decrement(ref active);
            return TaskOutcome.Success(i.Parameters?.DeepClone());
        });
        var execution = await Harness.RunOnceAsync("""
            {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":1,"ItemProcessor":{"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Next":"W"},"W":{"Type":"Wait","Seconds":1,"End":true}}},"End":true}}}
            """, "[1,2,3,4]", tasks);
        Harness.AssertJson("[1,2,3,4]", Harness.Output(execution));
        Assert.Equal(1, maxActive);
        Assert.Equal(4, execution.TaskInvocations);
    }

    private const string FailOdd = """
        {"StartAt":"M","States":{"M":{"Type":"Map",%TOL%"ItemProcessor":{"StartAt":"C","States":{
          "C":{"Type":"Choice","Choices":[{"Variable":"$.odd","BooleanEquals":true,"Next":"F"}],"Default":"OK"},
          "F":{"Type":"Fail","Error":"Odd","Cause":"odd item"},"OK":{"Type":"Pass","End":true}}},"End":true}}}
        """;

    private const string FourItemsTwoOdd = """[{"odd":true},{"odd":false},{"odd":true},{"odd":false}]""";

    [Theory]
    [InlineData("\"ToleratedFailureCount\":2,", true)]
    [InlineData("\"ToleratedFailureCount\":1,", false)]
    [InlineData("\"ToleratedFailurePercentage\":50,", true)]
    [InlineData("\"ToleratedFailurePercentage\":25,", false)]
    public async Task Map_ToleratedFailures_ThresholdDecides(string tolerance, bool succeeds)
    {
        var execution = await Harness.RunOnceAsync(FailOdd.Replace("%TOL%", tolerance, StringComparison.Ordinal), FourItemsTwoOdd);
        if (succeeds)
        {
            var output = Harness.Output(execution)!.AsArray();
            Assert.Equal("Odd", output[0]!["Error"]!.GetValue<string>());
            Harness.AssertJson("""{"odd":false}""", output[1]);
        }
        else
        {
            Assert.Equal("States.ExceedToleratedFailureThreshold", execution.Error);
        }
    }

    [Fact]
    public async Task Parallel_BranchesWaitConcurrently()
    {
        var harness = new Harness();
        var execution = await harness.RunAsync("""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"A","States":{"A":{"Type":"Wait","Seconds":100,"End":true}}},
              {"StartAt":"B","States":{"B":{"Type":"Wait","Seconds":60,"Next":"B2"},"B2":{"Type":"Wait","Seconds":60,"End":true}}}]}}}
            """);
        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal(TimeSpan.FromSeconds(120), harness.Clock.GetUtcNow() - Harness.Epoch);
    }

    [Fact]
    public async Task Parallel_OneBranchFails_SiblingsStopAndErrorPropagates()
    {
        var harness = new Harness();
        var execution = await harness.RunAsync("""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"A","States":{"A":{"Type":"Wait","Seconds":86400,"End":true}}},
              {"StartAt":"B","States":{"B":{"Type":"Wait","Seconds":5,"Next":"F"},"F":{"Type":"Fail","Error":"Broken"}}}]}}}
            """);
        Assert.Equal("Broken", execution.Error);
        Assert.Equal(TimeSpan.FromSeconds(5), harness.Clock.GetUtcNow() - Harness.Epoch);
    }

    [Fact]
    public async Task Map_ManyItems_AllResultsInOrder()
    {
        var items = new JsonArray(Enumerable.Range(0, 200).Select(i => (JsonNode?)JsonValue.Create(i % 7)).ToArray());
        var execution = await Harness.RunOnceAsync(MapOfWaits("\"MaxConcurrency\":13,"), items.ToJsonString());
        Harness.AssertJson(items.ToJsonString(), Harness.Output(execution));
    }
}
