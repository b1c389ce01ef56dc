using PcsAutomation.Domain.Ami;
using static PcsAutomation.Domain.Tests.Ami.Images;

namespace PcsAutomation.Domain.Tests.Ami;

public class AmiSlurmVersionsTests
{
    [Theory]
    [InlineData("25.05,25.11", new[] { "25.05", "25.11" })]
    [InlineData(" 25.11 , 25.05 ,25.11", new[] { "25.05", "25.11" })]
    [InlineData("24.11", new[] { "24.11" })]
    public void FromTag_CommaSeparated_DistinctAscending(string tag, string[] expected)
    {
        var declared = AmiSlurmVersions.FromTag(tag);

        Assert.Null(declared.Problem);
        Assert.Equal(expected, declared.Versions.Select(v => v.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("25.11;25.05")]
    [InlineData("25.11,")]
    [InlineData("25.11.2")]
    public void FromTag_Malformed_ProblemNamesTagAndValue(string tag)
    {
        var declared = AmiSlurmVersions.FromTag(tag);

        Assert.Empty(declared.Versions);
        Assert.Contains($"tag pcs-automation:slurm-versions '{tag}'", declared.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("team image, Slurm 25.11", new[] { "25.11" })]
    [InlineData("PCS node image (slurm 25.05 and 25.11, agent 1.4.0)", new[] { "25.05", "25.11" })]
    [InlineData("Slurm-24.11/25.05 & 25.11", new[] { "24.11", "25.05", "25.11" })]
    [InlineData("AWS PCS sample AMI for Slurm 25.11 (Amazon Linux 2023, x86_64, EFA installer 1.47.0)", new[] { "25.11" })]
    [InlineData("Slurm 25.11.2 installed", new[] { "25.11" })]
    [InlineData("Amazon Linux 2023 AMI 2023.9 x86_64 HVM kernel-6.1", new string[0])]
    [InlineData("Slurm 25.110", new string[0])]
    [InlineData("25.11 without the word", new string[0])]
    public void FromDescription_VersionsAfterTheWordSlurm(string description, string[] expected) =>
        Assert.Equal(expected, AmiSlurmVersions.FromDescription(description).Versions.Select(v => v.ToString()));

    [Fact]
    public void Read_TagAndDescription_TagWins()
    {
        var image = Own("ami-0000000000000f001", "x", description: "Slurm 24.11", tags: SlurmTag("25.11"));

        var declared = AmiSlurmVersions.Read(image);

        Assert.Equal("tag pcs-automation:slurm-versions", declared.Source);
        Assert.Equal([new SlurmVersion(25, 11)], declared.Versions);
    }
}
