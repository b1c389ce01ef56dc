using PcsAutomation.Domain.Ami;

namespace PcsAutomation.Domain.Tests.Ami;

public class SampleAmiNamesTests
{
    // Every sample AMI name the release notes publish (guide L6129-6328).
    public static TheoryData<string, string, string> PublishedNames => new()
    {
        { "aws-pcs-sample_ami-al2023-x86_64-slurm-25.11", "25.11", "x86_64" },
        { "aws-pcs-sample_ami-amzn2-x86_64-slurm-25.05", "25.05", "x86_64" },
        { "aws-pcs-sample_ami-amzn2-x86_64-slurm-24.11", "24.11", "x86_64" },
        { "aws-pcs-sample_ami-amzn2-x86_64-slurm-24.05", "24.05", "x86_64" },
        { "aws-pcs-sample_ami-amzn2-x86_64-slurm-23.11", "23.11", "x86_64" },
        { "aws-pcs-sample_ami-al2023-arm64-slurm-25.11", "25.11", "arm64" },
        { "aws-pcs-sample_ami-amzn2-arm64-slurm-25.05", "25.05", "arm64" },
        { "aws-pcs-sample_ami-amzn2-arm64-slurm-24.11", "24.11", "arm64" },
        { "aws-pcs-sample_ami-amzn2-arm64-slurm-24.05", "24.05", "arm64" },
        { "aws-pcs-sample_ami-amzn2-arm64-slurm-23.11", "23.11", "arm64" },
    };

    [Theory]
    [MemberData(nameof(PublishedNames))]
    public void BaseName_EveryPublishedVersionAndArchitecture_IsTheGuidesName(string published, string slurm, string arch)
    {
        var version = SlurmVersion.Parse(slurm);

        Assert.Equal(published, SampleAmiNames.BaseName(SampleAmiNames.OperatingSystemFor(version), arch, version));
        Assert.Equal((SampleAmiNames.OperatingSystemFor(version), arch, version), SampleAmiNames.Parse(published + "-20260110"));
    }

    [Fact] // guide L5587-5597: the name filter ends in *
    public void NameFilter_Slurm2511Arm64_GuidesFilterWithTrailingStar() =>
        Assert.Equal("aws-pcs-sample_ami-al2023-arm64-slurm-25.11*", SampleAmiNames.NameFilter("al2023", "arm64", new SlurmVersion(25, 11)));

    [Theory]
    [InlineData("aws-pcs-sample_ami-al2023-x86_64-slurm-25.11", true)]
    [InlineData("aws-pcs-sample_ami-al2023-x86_64-slurm-25.11-20260110", true)]
    [InlineData("aws-pcs-sample_ami-al2023-x86_64-slurm-25.11.2", true)]
    [InlineData("aws-pcs-sample_ami-al2023-x86_64-slurm-25.110", false)]
    [InlineData("aws-pcs-sample_ami-al2023-x86_64-slurm-25.11x", false)]
    [InlineData("aws-pcs-sample_ami-al2023-x86_64-slurm-25.11-", false)]
    [InlineData("aws-pcs-sample_ami-al2023-x86_64-slurm-25.1", false)]
    [InlineData(null, false)]
    public void IsNamed_LookAlikesTheFilterAlsoMatches_OnlyTheVersionItself(string? name, bool expected) =>
        Assert.Equal(expected, SampleAmiNames.IsNamed(name, "aws-pcs-sample_ami-al2023-x86_64-slurm-25.11"));

    [Theory]
    [InlineData("aws-pcs-sample_ami-x86_64-slurm-25.11")] // the version table's spelling without OS (L6441): not a published name
    [InlineData("aws-pcs-sample_ami-a12023-x86_64-slurm-25.11")] // the guide's OCR slip (L5559)
    [InlineData("team-pcs-25.11")]
    public void Parse_NotASampleName_Null(string name) => Assert.Null(SampleAmiNames.Parse(name));
}
