using System.Text.Json.Nodes;
using PcsAutomation.Cli.Monitoring;

namespace PcsAutomation.Cli.Tests.Monitoring;

public class CheckProgressTests
{
    [Fact]
    public void Read_DrainCheck_CountsOfItsLists()
    {
        var facts = CheckProgress.Read(JsonNode.Parse("""{"drained":false,"nodeGroupsNotActive":["a"],"instancesStillUp":["i-1","i-2","i-3"],"attempt":2}"""));

        Assert.Equal([new ProgressFact("instances up", 3), new ProgressFact("groups not ACTIVE", 1)], facts);
    }

    [Fact]
    public void Describe_ChangedSinceTheFirstPoll_FromTo()
    {
        var text = CheckProgress.Describe([new ProgressFact("instances up", 4), new ProgressFact("groups not ACTIVE", 0)], [new ProgressFact("instances up", 1), new ProgressFact("groups not ACTIVE", 0)]);

        Assert.Equal("4 → 1 instances up", text); // a count that stayed 0 says nothing
    }

    [Fact]
    public void Describe_Unchanged_TheCountOnly()
    {
        Assert.Equal("2 on the old image", CheckProgress.Describe([new ProgressFact("on the old image", 2)], [new ProgressFact("on the old image", 2)]));
    }

    [Fact]
    public void Read_NotAnObject_Nothing()
    {
        Assert.Empty(CheckProgress.Read(JsonValue.Create(3)));
        Assert.Empty(CheckProgress.Read(null));
    }
}
