using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.LocalAws.Tests.Scenarios;

/// <summary>The keys an AMI roll-out scenario needs (<c>images[].broken</c>, <c>setBusy</c>'s count and duration), read and checked like the rest.</summary>
public class ScenarioRolloutKeysTests
{
    private const string Valid = """
        images:
          - name: team-pcs-broken
            id: ami-0bad0bad0bad0bad1
            broken: true
        clusters:
          - name: demo
            nodeGroups:
              - name: compute-1
                min: 3
                max: 3
        timeline:
          - at: +5m
            action: setBusy
            cluster: demo
            nodeGroup: compute-1
            count: 1
            duration: 2h
        """;

    private static ScenarioException Fails(string yaml) => Assert.Throws<ScenarioException>(() => ScenarioFile.Parse(yaml, "bad.yaml"));

    [Fact]
    public void Parse_BrokenImageAndPartialBusy_AppliedToTheWorld()
    {
        var aws = LocalAws.CreateInProcess(new LocalAwsOptions { Scenario = ScenarioFile.Parse(Valid, "ok.yaml") });

        aws.Clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(["ami-0bad0bad0bad0bad1"], aws.State.BrokenImages);
        var nodes = aws.State.InstancesOfNodeGroup(aws.State.FindCluster("demo")!.FindNodeGroup("compute-1")!.Id).ToList();
        Assert.Equal(3, nodes.Count);
        Assert.Equal(1, nodes.Count(i => !i.IsIdleAt(aws.Clock.GetUtcNow())));
    }

    [Fact]
    public void Parse_BrokenNotABoolean_FileLineAndTheValue()
    {
        var error = Fails(Valid.Replace("broken: true", "broken: maybe", StringComparison.Ordinal));

        Assert.StartsWith("bad.yaml:4:13: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"maybe\"", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("count: 1", "count: 0", "bad.yaml:16:12: timeline entry 'setBusy': count 0: the number of nodes kept busy is at least 1")]
    [InlineData("duration: 2h", "duration: soon", "bad.yaml:17:15: timeline entry 'setBusy': Not a scenario duration: 'soon'")]
    [InlineData("duration: 2h", "duration: -2h", "bad.yaml:17:15: timeline entry 'setBusy': '-2h' is negative")]
    public void Parse_BadBusyEntry_ProblemAtItsLine(string from, string to, string expected)
    {
        var error = Fails(Valid.Replace(from, to, StringComparison.Ordinal));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }
}
