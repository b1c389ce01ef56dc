using PcsAutomation.Domain.Ami;

namespace PcsAutomation.Domain.Tests.Ami;

public class AmiSearchTests
{
    [Theory] // guide L5580-5599: --owners amazon, name filter ending in *, state=available
    [InlineData("25.11", "x86_64", "aws-pcs-sample_ami-al2023-x86_64-slurm-25.11*")]
    [InlineData("25.05", "arm64", "aws-pcs-sample_ami-amzn2-arm64-slurm-25.05*")]
    [InlineData("24.11", "x86_64", "aws-pcs-sample_ami-amzn2-x86_64-slurm-24.11*")]
    public void For_Sample_TheGuidesDescribeImages(string slurm, string arch, string nameFilter)
    {
        var search = AmiSearch.For(new AmiQuery(AmiChannel.Sample, SlurmVersion.Parse(slurm), arch));

        Assert.Equal(["amazon"], search.Owners);
        Assert.Equal(2, search.Filters.Count);
        Assert.Equal(("name", nameFilter), (search.Filters[0].Name, Assert.Single(search.Filters[0].Values)));
        Assert.Equal(("state", "available"), (search.Filters[1].Name, Assert.Single(search.Filters[1].Values)));
        Assert.False(search.IncludeDeprecated);
        Assert.Null(search.ParameterName);
    }

    [Fact]
    public void For_Custom_OwnerAndNameOnlySoRejectedImagesAreReported()
    {
        var search = AmiSearch.For(new AmiQuery(AmiChannelParser.Parse("custom:team-*", "444455556666"), new SlurmVersion(25, 11), "x86_64"));

        Assert.Equal(["444455556666"], search.Owners);
        Assert.Equal(("name", "team-*"), (Assert.Single(search.Filters).Name, search.Filters[0].Values[0]));
        Assert.True(search.IncludeDeprecated);
    }

    [Fact]
    public void For_Tag_TagFilterOwnedBySelf()
    {
        var search = AmiSearch.For(new AmiQuery(AmiChannelParser.Parse("tag:pcs-automation:channel=stable"), new SlurmVersion(25, 11), "arm64"));

        Assert.Equal(["self"], search.Owners);
        Assert.Equal(("tag:pcs-automation:channel", "stable"), (Assert.Single(search.Filters).Name, search.Filters[0].Values[0]));
    }

    [Fact]
    public void For_Ssm_ParameterFirst()
    {
        var search = AmiSearch.For(new AmiQuery(AmiChannelParser.Parse("ssm:/team/ami"), new SlurmVersion(25, 11), "arm64"));

        Assert.Equal("/team/ami", search.ParameterName);
        Assert.Empty(search.Owners);
    }
}
