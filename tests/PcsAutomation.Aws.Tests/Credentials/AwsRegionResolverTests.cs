using PcsAutomation.Aws.Credentials;
using PcsAutomation.Aws.Runtime;

namespace PcsAutomation.Aws.Tests.Credentials;

public class AwsRegionResolverTests
{
    private static AwsRegionResolver Resolver(Dictionary<string, string> environment, Dictionary<string, string>? profiles = null) =>
        new(name => environment.GetValueOrDefault(name), name => profiles?.GetValueOrDefault(name));

    [Fact]
    public void Resolve_RegionVariableAndProfile_VariableWins()
    {
        var resolver = Resolver(new() { ["AWS_DEFAULT_REGION"] = "us-west-2" }, new() { ["default"] = "eu-central-1" });

        Assert.Equal("us-west-2", resolver.Resolve());
    }

    [Fact]
    public void Resolve_NoVariables_UsesDefaultProfileRegion()
    {
        var resolver = Resolver([], new() { ["default"] = "eu-central-1" });

        Assert.Equal("eu-central-1", resolver.Resolve());
        Assert.Equal("default", resolver.ProfileName);
    }

    [Fact]
    public void Resolve_BlankVariables_AreTreatedAsUnset()
    {
        var resolver = Resolver(new() { ["AWS_REGION"] = " ", ["AWS_PROFILE"] = "" }, new() { ["default"] = "eu-central-1" });

        Assert.Equal("eu-central-1", resolver.Resolve());
    }

    [Fact]
    public void Resolve_ProfileRegionMalformed_FailsNamingTheProfile()
    {
        var resolver = Resolver(new() { ["AWS_PROFILE"] = "ops" }, new() { ["ops"] = "Paris" });

        var error = Assert.Throws<AwsConfigurationException>(resolver.Resolve);

        Assert.StartsWith("region of profile 'ops'='Paris'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("us-east-1")]
    [InlineData("eu-west-3")]
    [InlineData("us-gov-west-1")]
    [InlineData("cn-northwest-1")]
    [InlineData("ap-southeast-5")]
    public void Validated_RealRegionNames_AreAccepted(string region)
    {
        Assert.Equal(region, AwsRegionResolver.Validated(region, "AWS_REGION"));
    }

    [Theory]
    [InlineData("US-EAST-1")]
    [InlineData("us-east")]
    [InlineData("useast1")]
    [InlineData("https://pcs.us-east-1.amazonaws.com")]
    public void Validated_NonRegionNames_AreRejected(string region)
    {
        Assert.Throws<AwsConfigurationException>(() => AwsRegionResolver.Validated(region, "AWS_REGION"));
    }
}
