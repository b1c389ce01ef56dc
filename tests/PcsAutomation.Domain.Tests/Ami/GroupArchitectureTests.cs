using PcsAutomation.Domain.Ami;

namespace PcsAutomation.Domain.Tests.Ami;

public class GroupArchitectureTests
{
    private static readonly Dictionary<string, IReadOnlyList<string>> Answered = new()
    {
        ["c6i.xlarge"] = ["x86_64"],
        ["t3.micro"] = ["i386", "x86_64"],
        ["c7g.xlarge"] = ["arm64"],
        ["hpc7g.16xlarge"] = ["arm64"],
        ["mac2.metal"] = ["arm64_mac"],
    };

    [Theory]
    [InlineData(new[] { "c6i.xlarge", "t3.micro" }, "x86_64")]
    [InlineData(new[] { "c7g.xlarge", "hpc7g.16xlarge" }, "arm64")]
    [InlineData(new[] { "c7g.xlarge", "c7g.xlarge" }, "arm64")]
    public void Decide_OneArchitecture_IsTheGroups(string[] types, string expected)
    {
        var decision = GroupArchitecture.Decide(types, Answered);

        Assert.Equal(expected, decision.Architecture);
        Assert.Null(decision.Refusal);
    }

    [Fact] // guide L2549-2550
    public void Decide_Mixed_RefusedNamingEachType()
    {
        var decision = GroupArchitecture.Decide(["c7g.xlarge", "c6i.xlarge"], Answered);

        Assert.Null(decision.Architecture);
        Assert.Contains("mixes architectures (c6i.xlarge x86_64, c7g.xlarge arm64)", decision.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mac2.metal")]
    [InlineData("z9.unknown")]
    public void Decide_UnknownOrMacType_RefusedNamingIt(string type)
    {
        var decision = GroupArchitecture.Decide(["c6i.xlarge", type], Answered);

        Assert.Null(decision.Architecture);
        Assert.Contains($"instance type {type} runs neither", decision.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NoType_Refused() =>
        Assert.NotNull(GroupArchitecture.Decide([], Answered).Refusal);
}
