using PcsAutomation.Domain.JobProtection;

namespace PcsAutomation.Domain.Tests.JobProtection;

public class SlurmNodeNamesTests
{
    private static readonly string[] Block = ["gpu-a", "gpu-1"];

    [Theory]
    [InlineData("gpu-a-1", true)]
    [InlineData("gpu-a-12", true)]
    [InlineData("gpu-1-3", true)]     // node 3 of gpu-1
    [InlineData("gpu-a", false)]       // the group's name, not a node
    [InlineData("gpu-a-", false)]
    [InlineData("gpu-a-1x", false)]
    [InlineData("gpu-b-1", false)]
    [InlineData("cpu-1", false)]
    [InlineData("gpu-1", false)]       // node 1 of a group "gpu", which the block does not back
    public void IsOfGroups_NodeName_TrueOnlyForTheGroupsNodes(string node, bool expected) =>
        Assert.Equal(expected, SlurmNodeNames.IsOfGroups(node, Block));

    [Fact]
    public void Expand_RangesListsAndPadding_EveryNameInOrder() =>
        Assert.Equal(["gpu-a-1", "gpu-a-2", "gpu-a-4", "cpu-1", "n08", "n09", "n10"], SlurmNodeNames.Expand("gpu-a-[1-2,4],cpu-1,n[08-10]"));

    [Fact]
    public void Expand_TwoBracketGroups_EveryCombination() =>
        Assert.Equal(["r1-n1", "r1-n2", "r2-n1", "r2-n2"], SlurmNodeNames.Expand("r[1-2]-n[1-2]"));

    [Theory]
    [InlineData("gpu-a-[1-2")]
    [InlineData("gpu-a-1-2]")]
    [InlineData("gpu-a-[2-1]")]
    [InlineData("gpu-a-[x]")]
    [InlineData("gpu-a-[[1]]")]
    public void Expand_Malformed_ArgumentExceptionQuotingIt(string hostlist)
    {
        var e = Assert.Throws<ArgumentException>(() => SlurmNodeNames.Expand(hostlist));

        Assert.Contains(hostlist, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cpu-[1-4],gpu-a-3", true)]
    [InlineData("cpu-[1-4]", false)]
    [InlineData(null, false)]          // a pending job has no nodes
    [InlineData("", false)]
    public void AnyOfGroups_AJobsNodes_TrueWhenOneIsTheBlocks(string? hostlist, bool expected) =>
        Assert.Equal(expected, SlurmNodeNames.AnyOfGroups(hostlist, Block));

    [Theory] // guide L997, L1002: a group's nodes are <group>-<n> (the roll-out's canary: one group)
    [InlineData("compute-1-3", "compute-1", true)]
    [InlineData("compute-1-12", "compute-1", true)]
    [InlineData("compute-1-3", "compute", false)]  // a node of compute-1, not of compute
    [InlineData("compute-1", "compute-1", false)]
    [InlineData("compute-1-", "compute-1", false)]
    [InlineData("gpu-2", "compute-1", false)]
    public void IsOfGroups_OneGroup_OnlyThatGroupsNodes(string node, string group, bool expected) =>
        Assert.Equal(expected, SlurmNodeNames.IsOfGroups(node, [group]));
}
