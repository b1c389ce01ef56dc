using PcsAutomation.Domain.Ami;
using PcsAutomation.Domain.NodeGroupUpdate;

namespace PcsAutomation.Domain.Tests.NodeGroupUpdate;

public class AmiUpdateTagsTests
{
    private const string Channel = "pcs-automation:ami-channel";
    private const string Update = "pcs-automation:ami-update";
    private const string Owner = "pcs-automation:ami-owner";

    private static AmiUpdateTags Read(params (string Key, string Value)[] tags) => AmiUpdateTags.Read(tags.ToDictionary(t => t.Key, t => t.Value));

    [Theory]
    [InlineData("notify", AmiUpdateMode.Notify)]
    [InlineData("apply", AmiUpdateMode.Apply)]
    [InlineData("APPLY", AmiUpdateMode.Apply)]
    public void Read_ValidModeAndChannel_NoProblem(string value, AmiUpdateMode mode)
    {
        var tags = Read((Update, value), (Channel, "sample"));

        Assert.Equal((mode, AmiChannel.Sample, (string?)null), (tags.Mode, tags.Channel, tags.Problem));
    }

    [Fact]
    public void Read_NoUpdateTag_ProblemNamesTheTagAndChannelStillRead()
    {
        var tags = Read((Channel, "custom:team-pcs-*"));

        Assert.Null(tags.Mode);
        Assert.Equal("no pcs-automation:ami-update tag (notify or apply): AMI updates are not automated", tags.Problem);
        Assert.Equal(AmiChannelKind.Custom, tags.Channel!.Kind);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("apply ")]
    [InlineData("")]
    public void Read_OtherUpdateValue_ProblemQuotesTheValue(string value)
    {
        var tags = Read((Update, value), (Channel, "sample"));

        Assert.Null(tags.Mode);
        Assert.Equal($"pcs-automation:ami-update is '{value}', not notify or apply: nothing is done", tags.Problem);
    }

    [Fact]
    public void Read_UpdateWithoutChannel_ProblemAsksForTheChannel()
    {
        var tags = Read((Update, "apply"));

        Assert.Equal(AmiUpdateMode.Apply, tags.Mode);
        Assert.Contains("no pcs-automation:ami-channel tag", tags.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadChannel_ProblemNamesTheTagAndTheLookupsReason()
    {
        var tags = Read((Update, "notify"), (Channel, "latest"));

        Assert.Null(tags.Channel);
        Assert.StartsWith("pcs-automation:ami-channel: AMI channel 'latest' is not one of sample, custom:", tags.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OwnerTag_AppliesToACustomChannel()
    {
        var tags = Read((Update, "notify"), (Channel, "custom:team-*"), (Owner, "444455556666"));

        Assert.Equal("444455556666", tags.Channel!.Owner);
    }

    [Fact]
    public void Read_OwnerTagWithSampleChannel_ProblemNamesBothTags()
    {
        var tags = Read((Update, "notify"), (Channel, "sample"), (Owner, "444455556666"));

        Assert.StartsWith("pcs-automation:ami-channel with pcs-automation:ami-owner:", tags.Problem, StringComparison.Ordinal);
    }
}
