using System.Text.Json.Nodes;
using PcsAutomation.Cli.NodeGroupUpdate;
using PcsAutomation.Domain.NodeGroupUpdate;

namespace PcsAutomation.Cli.Tests.NodeGroupUpdate;

public class RolloutInputTests
{
    private static readonly UpdateTargetText Sample = new("sample", null, null, null);

    [Fact]
    public void Build_EveryOption_TheWorkflowsInputShape()
    {
        var request = new RolloutRequest("demo", DryRun: false, NodeGroups: ["compute-1", " gpu"], Canary: "compute-1", BatchSize: 2, Replacement: "marked");

        var input = RolloutInput.Build(request, "pcs_abc1234567", new UpdateTargetText(null, null, null, "3"));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"clusterId":"pcs_abc1234567","target":{"launchTemplateVersion":"3"},"nodeGroups":["compute-1","gpu"],"canary":"compute-1",
             "batchSize":2,"replacement":"marked","dryRun":false}
            """), input), input.ToJsonString());
    }

    [Fact]
    public void Build_OptionsNotGiven_LeftOutForTheWorkflowsDefaults()
    {
        var input = RolloutInput.Build(new RolloutRequest("demo", DryRun: true), "pcs_abc1234567", Sample);

        Assert.Equal(["clusterId", "target", "dryRun"], input.Select(p => p.Key));
        Assert.True(input["dryRun"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData(0, null, null, "--batch-size is 0: it must be 1 to 10")]
    [InlineData(11, null, null, "--batch-size is 11")]
    [InlineData(null, "gpu", "compute-1", "--canary: 'gpu' is not one of nodeGroups (compute-1)")]
    [InlineData(null, null, "compute-1,compute-1", "--node-groups names 'compute-1' twice")]
    public void Build_BadOption_UsageErrorNamingTheOption(int? batch, string? canary, string? groups, string expected)
    {
        var request = new RolloutRequest("demo", false, BatchSize: batch, Canary: canary, NodeGroups: groups?.Split(','));

        var error = Assert.Throws<CliException>(() => RolloutInput.Build(request, "pcs_abc1234567", Sample));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ami-123", null, "--ami-id: 'ami-123' is not an AMI id")]
    [InlineData(null, "$Latest", "--launch-template-version: '$Latest' is not a launch template version number")]
    public void Precheck_BadTargetOption_UsageErrorBeforeAnyCall(string? ami, string? version, string expected)
    {
        var error = Assert.Throws<CliException>(() => RolloutInput.Precheck(new RolloutRequest("demo", false, AmiId: ami, LaunchTemplateVersion: version)));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Precheck_OwnerWithAnAmiId_NamesTheOwnerOption()
    {
        var error = Assert.Throws<CliException>(() => RolloutInput.Precheck(new RolloutRequest("demo", false, Owner: "self", AmiId: "ami-0123456789abcdef0")));

        Assert.Equal("--owner applies to a channel only.", error.Message);
    }

    [Fact]
    public void Precheck_OwnerWithoutTarget_LeftForTheTagsChannel()
    {
        RolloutInput.Precheck(new RolloutRequest("demo", false, Owner: "444455556666"));
    }

    [Theory]
    [InlineData("""{"clusterId":"pcs_a","target":{"channel":"sample"},"dryRun":true}""", "a dry run of the roll-out of pcs_a to channel sample")]
    [InlineData("""{"clusterId":"pcs_a","target":{"channel":"custom:team-*","owner":"self"},"dryRun":false}""", "a roll-out of pcs_a to channel custom:team-* (owner self)")]
    [InlineData("""{"clusterId":"pcs_a","target":{"amiId":"ami-0123456789abcdef0"},"dryRun":false}""", "a roll-out of pcs_a to amiId ami-0123456789abcdef0")]
    [InlineData("""{"clusterId":"pcs_a","target":{"launchTemplateVersion":"7"}}""", "a roll-out of pcs_a to launch template version 7")]
    public void Describe_Input_InWords(string input, string expected) =>
        Assert.Equal(expected, RolloutInput.Describe(JsonNode.Parse(input)!.AsObject()));
}
