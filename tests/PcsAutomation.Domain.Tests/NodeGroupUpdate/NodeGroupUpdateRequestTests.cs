using PcsAutomation.Domain.Ami;
using PcsAutomation.Domain.NodeGroupUpdate;

namespace PcsAutomation.Domain.Tests.NodeGroupUpdate;

public class NodeGroupUpdateRequestTests
{
    private static NodeGroupUpdateRequest Validate(
        UpdateTargetText? target, IReadOnlyList<string?>? groups = null, string? canary = null, int? batch = null, string? replacement = null,
        string? clusterId = "demo") =>
        NodeGroupUpdateRequest.Validate(clusterId, target, groups, canary, batch, replacement, null);

    private static UpdateTargetText Ami(string id) => new(null, null, id, null);

    [Fact]
    public void Validate_AmiIdOnly_DefaultsToAllGroupsOneAtATimeVerified()
    {
        var request = Validate(Ami("ami-0123456789abcdef0"));

        Assert.Equal(new UpdateTarget(UpdateTargetKind.AmiId, null, "ami-0123456789abcdef0", null), request.Target);
        Assert.Null(request.NodeGroups);
        Assert.Null(request.Canary);
        Assert.Equal((1, ReplacementMode.Verified, false), (request.BatchSize, request.Replacement, request.DryRun));
    }

    [Fact]
    public void Validate_ChannelWithOwner_ParsesTheChannel()
    {
        var request = Validate(new UpdateTargetText("custom:team-pcs-*", "123456789012", null, null));

        Assert.Equal(UpdateTargetKind.Channel, request.Target.Kind);
        Assert.Equal(new AmiChannel(AmiChannelKind.Custom, "team-pcs-*", null, null, null, "123456789012"), request.Target.Channel);
    }

    [Fact]
    public void Validate_LaunchTemplateVersion_ParsesTheNumber()
    {
        var request = Validate(new UpdateTargetText(null, null, null, "7"), ["compute-a", "login"], canary: "login", batch: 3, replacement: "marked");

        Assert.Equal(7, request.Target.LaunchTemplateVersion);
        Assert.Equal(["compute-a", "login"], request.NodeGroups);
        Assert.Equal(("login", 3, ReplacementMode.Marked), (request.Canary, request.BatchSize, request.Replacement));
    }

    public static TheoryData<UpdateTargetText?, string> BadTargets => new()
    {
        { null, "target" },
        { new UpdateTargetText(null, null, null, null), "target" },
        { new UpdateTargetText("sample", null, "ami-0123456789abcdef0", null), "target" },
        { new UpdateTargetText("latest", null, null, null), "target.channel" },
        { new UpdateTargetText(null, "self", "ami-0123456789abcdef0", null), "target.owner" },
        { new UpdateTargetText(null, null, "ami-XYZ", null), "target.amiId" },
        { new UpdateTargetText(null, null, null, "$Latest"), "target.launchTemplateVersion" },
        { new UpdateTargetText(null, null, null, "0"), "target.launchTemplateVersion" },
    };

    [Theory]
    [MemberData(nameof(BadTargets))]
    public void Validate_BadTarget_NamesTheField(UpdateTargetText? target, string field)
    {
        var error = Assert.Throws<NodeGroupUpdateInputException>(() => Validate(target));

        Assert.Equal(field, error.Field);
        Assert.StartsWith($"{field}: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Validate_BatchSizeOutOfRange_NamesBatchSize(int batch)
    {
        var error = Assert.Throws<NodeGroupUpdateInputException>(() => Validate(Ami("ami-0123456789abcdef0"), batch: batch));

        Assert.Equal("batchSize", error.Field);
        Assert.Contains("L10921", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OtherBadFields_NameTheirField()
    {
        var ami = Ami("ami-0123456789abcdef0");
        Assert.Equal("clusterId", Assert.Throws<NodeGroupUpdateInputException>(() => Validate(ami, clusterId: " ")).Field);
        Assert.Equal("nodeGroups", Assert.Throws<NodeGroupUpdateInputException>(() => Validate(ami, [])).Field);
        Assert.Equal("nodeGroups", Assert.Throws<NodeGroupUpdateInputException>(() => Validate(ami, ["a", " "])).Field);
        Assert.Equal("nodeGroups", Assert.Throws<NodeGroupUpdateInputException>(() => Validate(ami, ["a", "a"])).Field);
        Assert.Equal("canary", Assert.Throws<NodeGroupUpdateInputException>(() => Validate(ami, ["a"], canary: "b")).Field);
        Assert.Equal("canary", Assert.Throws<NodeGroupUpdateInputException>(() => Validate(ami, canary: "")).Field);
        Assert.Equal("replacement", Assert.Throws<NodeGroupUpdateInputException>(() => Validate(ami, replacement: "VERIFIED")).Field);
    }
}
