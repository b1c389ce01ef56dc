using PcsAutomation.Cli.NodeGroupUpdate;

namespace PcsAutomation.Cli.Tests.NodeGroupUpdate;

public class RolloutTargetTests
{
    private static readonly Dictionary<string, string> NoTags = [];

    [Fact]
    public void Choose_AmiIdOption_ThatAmiFromTheOptionWhateverTheTag()
    {
        var (target, source) = RolloutTarget.Choose(new RolloutRequest("demo", false, AmiId: "ami-0123456789abcdef0"),
            new Dictionary<string, string> { [RolloutTarget.ChannelTagKey] = "custom:team-*" });

        Assert.Equal(("ami-0123456789abcdef0", null), (target.AmiId, target.Channel));
        Assert.Equal(("option", "--ami-id"), (source.Kind, source.Text));
    }

    [Fact]
    public void Choose_ClusterTag_ItsChannelSaidToComeFromTheTag()
    {
        var (target, source) = RolloutTarget.Choose(new RolloutRequest("demo", false, Owner: "444455556666"),
            new Dictionary<string, string> { [RolloutTarget.ChannelTagKey] = "custom:team-*" });

        Assert.Equal(("custom:team-*", "444455556666"), (target.Channel, target.Owner));
        Assert.Equal("tag", source.Kind);
        Assert.Contains("pcs-automation:ami-channel", source.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_NoOptionNoTag_SampleSaidToBeTheDefault()
    {
        var (target, source) = RolloutTarget.Choose(new RolloutRequest("demo", false), NoTags);

        Assert.Equal("sample", target.Channel);
        Assert.Equal("default", source.Kind);
        Assert.Equal("the default: the cluster has no pcs-automation:ami-channel tag", source.Text);
    }

    [Fact]
    public void Choose_MalformedTag_UsageErrorNamingTheTagAndTheOptions()
    {
        var error = Assert.Throws<CliException>(() => RolloutTarget.Choose(new RolloutRequest("demo", false),
            new Dictionary<string, string> { [RolloutTarget.ChannelTagKey] = "latest" }));

        Assert.Contains("pcs-automation:ami-channel tag is not a channel", error.Message, StringComparison.Ordinal);
        Assert.Contains("'latest'", error.Message, StringComparison.Ordinal);
        Assert.Contains("--target-channel", error.Message, StringComparison.Ordinal);
    }
}
