using PcsAutomation.Domain.Ami;

namespace PcsAutomation.Domain.Tests.Ami;

public class AmiChannelParserTests
{
    [Fact]
    public void Parse_Sample_OwnedByAmazon()
    {
        var channel = AmiChannelParser.Parse("sample");

        Assert.Equal(AmiChannelKind.Sample, channel.Kind);
        Assert.Equal("amazon", channel.Owner);
        Assert.Equal("sample", channel.Text);
    }

    [Fact]
    public void Parse_CustomWithoutOwner_DefaultsToThisAccount()
    {
        var channel = AmiChannelParser.Parse("custom:team-pcs-25.11-*");

        Assert.Equal(AmiChannelKind.Custom, channel.Kind);
        Assert.Equal("team-pcs-25.11-*", channel.NamePattern);
        Assert.Equal("self", channel.Owner);
        Assert.Equal("custom:team-pcs-25.11-* (owner self)", channel.ToString());
    }

    [Theory]
    [InlineData("amazon")]
    [InlineData("444455556666")]
    public void Parse_CustomWithOwner_KeepsTheOwner(string owner) =>
        Assert.Equal(owner, AmiChannelParser.Parse("custom:vendor-*", owner).Owner);

    [Fact]
    public void Parse_TagWithColonsInKey_SplitsAtTheFirstEquals()
    {
        var channel = AmiChannelParser.Parse("tag:pcs-automation:channel=stable=v2");

        Assert.Equal(("pcs-automation:channel", "stable=v2"), (channel.TagKey, channel.TagValue));
        Assert.Equal("self", channel.Owner);
    }

    [Fact]
    public void Parse_SsmPublicParameter_NameKeptWithoutOwner()
    {
        var channel = AmiChannelParser.Parse("ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64");

        Assert.Equal(AmiChannelKind.Ssm, channel.Kind);
        Assert.Equal("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64", channel.ParameterName);
        Assert.Null(channel.Owner);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("Sample", "'Sample' is not one of sample")]
    [InlineData("sample:x", "'sample:x' is not one of")]
    [InlineData("latest", "'latest' is not one of")]
    [InlineData("custom", "'custom' is not one of")]
    [InlineData("custom:", "1-128 characters")]
    [InlineData("custom:team|pcs", "'|' cannot appear in an AMI name")]
    [InlineData("tag:stable", "expected tag:<key>=<value>")]
    [InlineData("tag:=stable", "expected tag:<key>=<value>")]
    [InlineData("tag:channel=", "the tag value is empty")]
    [InlineData("ssm:", "1-2048 characters")]
    [InlineData("ssm:/team/pcs ami", "' ' cannot appear in an SSM parameter name")]
    public void Parse_InvalidText_ErrorQuotesTheChannel(string text, string expected)
    {
        var error = Assert.Throws<AmiChannelException>(() => AmiChannelParser.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        if (text.Length > 0)
            Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CustomPatternLongerThanAnAmiName_Refused()
    {
        var error = Assert.Throws<AmiChannelException>(() => AmiChannelParser.Parse("custom:" + new string('a', 129)));

        Assert.Contains("1-128 characters", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sample", "self")]
    [InlineData("ssm:/team/ami", "self")]
    public void Parse_OwnerOnSampleOrSsm_Refused(string text, string owner)
    {
        var error = Assert.Throws<AmiChannelException>(() => AmiChannelParser.Parse(text, owner));

        Assert.Contains("applies to custom: and tag: channels only", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Self")]
    [InlineData("12345")]
    [InlineData("aws-marketplace")]
    public void Parse_UnknownOwner_ErrorNamesIt(string owner)
    {
        var error = Assert.Throws<AmiChannelException>(() => AmiChannelParser.Parse("custom:team-*", owner));

        Assert.Contains($"owner '{owner}' is not self, amazon or a 12-digit account id", error.Message, StringComparison.Ordinal);
    }
}
