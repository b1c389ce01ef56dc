using PcsAutomation.Domain.JobProtection;

namespace PcsAutomation.Domain.Tests.JobProtection;

public class SlurmNodeNamesTests
{
    [Theory] // guide L997, L1002: a group's nodes are <group>-<n>
    [InlineData("compute-1-3", "compute-1", true)]
    [InlineData("compute-1-12", "compute-1", true)]
    [InlineData("compute-1-3", "compute", false)]  // a node of compute-1, not of compute
    [InlineData("compute-1", "compute-1", false)]
    [InlineData("compute-1-", "compute-1", false)]
    [InlineData("gpu-2", "compute-1", false)]
    public void IsOfNodeGroup_NameThenDigits_OnlyThatGroupsNodes(string node, string group, bool expected) =>
        Assert.Equal(expected, SlurmNodeNames.IsOfNodeGroup(node, group));

    [Theory]
    [InlineData("compute-1-[1-3]", new[] { "compute-1-1", "compute-1-2", "compute-1-3" })]
    [InlineData("compute-1-[1-2,4],gpu-7", new[] { "compute-1-1", "compute-1-2", "compute-1-4", "gpu-7" })]
    [InlineData("gpu-[08-10]", new[] { "gpu-08", "gpu-09", "gpu-10" })]
    [InlineData("login-1", new[] { "login-1" })]
    public void Expand_Hostlist_EveryNodeName(string hostlist, string[] expected) =>
        Assert.Equal(expected, SlurmNodeNames.Expand(hostlist));

    [Fact]
    public void Expand_NoNodes_Empty() => Assert.Empty(SlurmNodeNames.Expand(null));

    [Theory]
    [InlineData("compute-[3-1]")]
    [InlineData("compute-[1-x]")]
    [InlineData("compute-[1-2")]
    public void Expand_Malformed_FormatExceptionQuotingIt(string hostlist)
    {
        var error = Assert.Throws<FormatException>(() => SlurmNodeNames.Expand(hostlist));
        Assert.Contains($"'{hostlist}'", error.Message, StringComparison.Ordinal);
    }
}
