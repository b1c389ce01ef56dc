using System.Text.Json.Nodes;
using PcsAutomation.Functions.NodeGroupUpdate;
using PcsAutomation.Functions.Tests.Support;
using static PcsAutomation.Functions.Tests.NodeGroupUpdate.AmiTriggers;

namespace PcsAutomation.Functions.Tests.NodeGroupUpdate;

public sealed class NodeGroupAmiAuditHandlerTests
{
    private static Task<JsonNode> AuditAsync(HandlerHarness h, JsonObject envelope) => h.InvokeAsync("NodeGroupAmiAudit", envelope);

    [Fact]
    public async Task NodeGroupAmiAudit_PersonSetsAnAmiOutsideTheChannel_OneFindingNoticeNamingTheCallAndNoRollout()
    {
        await using var h = await StartAsync(Cluster("notify"));
        var (clusterId, groupId) = (h.ClusterId(), h.NodeGroupId("compute-a"));
        var recorded = AuditEvents.PersonSetsAmi(h, "compute-a", OtherAmi);

        var output = await AuditAsync(h, recorded);

        Assert.Equal("finding", output["action"]!.GetValue<string>());
        Assert.Equal([$"off-channel (tag pcs-automation:ami-channel): node group compute-a runs {OtherAmi}; channel {Channel} (owner self) gives {Rollout.NewAmi} for it"],
            output["findings"]!.AsArray().Select(f => f!.GetValue<string>()));
        var eventId = recorded["detail"]!["eventID"]!.GetValue<string>();
        Assert.Equal($"update-{clusterId}-finding-{eventId}", output["noticeExecution"]!.GetValue<string>());
        var input = JsonNode.Parse(Assert.Single(Executions(h, NoticeMachine)).Input)!;
        Assert.Equal(("node-group-update", "Finding"), (input["workflow"]!.GetValue<string>(), input["event"]!.GetValue<string>()));
        var finding = input["facts"]!["finding"]!;
        Assert.Equal((groupId, OtherAmi, Rollout.NewAmi, "UpdateComputeNodeGroup"),
            (finding["nodeGroupId"]!.GetValue<string>(), finding["imageId"]!.GetValue<string>(), finding["channelImageId"]!.GetValue<string>(), finding["eventName"]!.GetValue<string>()));
        Assert.Equal("not remediated: pcs-automation:ami-update is notify, not apply", finding["remediation"]!.GetValue<string>());
        Assert.Empty(Executions(h, RolloutMachine));
    }

    [Fact] // the finding notice composed by the notice state machine's PrepareNotification
    public async Task NodeGroupAmiAudit_FindingInput_ComposesTheFindingNotification()
    {
        await using var h = await StartAsync(Cluster("notify"));
        await AuditAsync(h, AuditEvents.PersonSetsAmi(h, "compute-a", OtherAmi));
        var notice = Assert.Single(Executions(h, NoticeMachine));
        var input = JsonNode.Parse(notice.Input)!.AsObject();
        input["executionArn"] = notice.Arn;

        var notification = await h.InvokeAsync("PrepareNotification", input);

        Assert.Equal(("PCS node group AMI finding: demo", "PCS Node Group Update Finding"), (notification["subject"]!.GetValue<string>(), notification["detailType"]!.GetValue<string>()));
        Assert.Contains($"node group compute-a ({h.NodeGroupId("compute-a")}) runs image {OtherAmi} after UpdateComputeNodeGroup by arn:aws:iam::111122223333:user/local",
            notification["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact] // guide L6559: the AMI must hold the cluster's Slurm version, or one at most two behind
    public async Task NodeGroupAmiAudit_AmiWithANewerSlurmThanTheCluster_FindingNamesTheRuleAndGuideLine()
    {
        await using var h = await StartAsync(Cluster("notify"));

        var output = await AuditAsync(h, AuditEvents.PersonSetsAmi(h, "compute-a", Rollout.NewerSlurmAmi));

        var findings = output["findings"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();
        Assert.Contains(findings, f => f.StartsWith("off-channel", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.StartsWith($"slurm-version (guide L6559): {Rollout.NewerSlurmAmi} holds Slurm 25.11, all newer than the cluster's 25.05", StringComparison.Ordinal));
        Assert.Single(Executions(h, NoticeMachine));
    }

    [Fact]
    public async Task NodeGroupAmiAudit_ApplyAndTheGroupActiveAgain_RollsThatGroupBackToTheChannelOnceWhateverRedelivers()
    {
        await using var h = await StartAsync(Cluster("apply"));
        var (clusterId, groupId) = (h.ClusterId(), h.NodeGroupId("compute-a"));
        var recorded = AuditEvents.PersonSetsAmi(h, "compute-a", OtherAmi);
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(5)); // CloudTrail delivers minutes later; the group is ACTIVE again

        var first = await AuditAsync(h, recorded);
        var second = await AuditAsync(h, recorded);

        Assert.Equal($"update-{clusterId}-fix-{groupId}-{Rollout.NewAmi}", first["remediationExecution"]!.GetValue<string>());
        var rollout = Assert.Single(Executions(h, RolloutMachine));
        Assert.Equal($$"""{"clusterId":"{{clusterId}}","target":{"channel":"custom:team-pcs-*","owner":"self"},"nodeGroups":["{{groupId}}"],"dryRun":false}""", rollout.Input);
        Assert.Single(Executions(h, NoticeMachine));
        Assert.Null(second["remediationExecution"]);
        Assert.Contains("ran once already for this group and image", second["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(h.Transcript, line => line.Contains("was sent already (event delivered twice)", StringComparison.Ordinal));
    }

    [Fact] // guide L1984-1989: PCS takes one change at a time, so the group must be ACTIVE again first
    public async Task NodeGroupAmiAudit_ApplyWhileTheGroupIsStillUpdating_FindingSaysWhyNotRemediated()
    {
        await using var h = await StartAsync(Cluster("apply"));

        var output = await AuditAsync(h, AuditEvents.PersonSetsAmi(h, "compute-a", OtherAmi));

        Assert.Equal("finding", output["action"]!.GetValue<string>());
        Assert.Contains("not remediated: a roll-out to the channel would be refused now: node-group-status (guide L1984-1989)", output["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(Executions(h, RolloutMachine));
    }

    [Fact] // the roll-out's own UpdateComputeNodeGroup carries the client token its lease holder derives: never a finding
    public async Task NodeGroupAmiAudit_OurOwnRolloutsCall_IgnoredWithoutFindingOrRemediation()
    {
        await using var h = await StartAsync(Cluster("apply"));
        var plan = await Rollout.PlanAsync(h, target: new { amiId = OtherAmi });
        await Rollout.AcquireAsync(h);
        await Rollout.UpdateAsync(h, Rollout.Group(plan, "compute-a"));
        h.Aws.Clock.Advance(TimeSpan.FromMinutes(5));

        var output = await AuditAsync(h, AuditEvents.Last(h, "UpdateComputeNodeGroup"));

        Assert.Equal("ignored", output["action"]!.GetValue<string>());
        Assert.Contains($"is the update-node-group step of {Rollout.Run1}, which holds the cluster's lease", output["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(h.Aws.StepFunctions.Engine.Executions);
    }

    [Theory]
    [InlineData("444455556666", "us-east-1", "event from account 444455556666 (account), not this function's account 111122223333")]
    [InlineData("111122223333", "eu-west-1", "event from Region eu-west-1 (region), not this function's Region us-east-1")]
    public async Task NodeGroupAmiAudit_EventFromAnotherAccountOrRegion_RejectedWithALogLineAndNothingRead(string account, string region, string reason)
    {
        await using var h = await StartAsync(Cluster("apply"));
        var envelope = AuditEvents.Pcs(h, "UpdateComputeNodeGroup", new JsonObject
        {
            ["clusterIdentifier"] = h.ClusterId(), ["computeNodeGroupIdentifier"] = h.NodeGroupId("compute-a"), ["amiId"] = OtherAmi,
        });
        envelope["account"] = account;
        envelope["region"] = region;
        var calls = h.Aws.Calls.Calls.Count;

        var output = await AuditAsync(h, envelope);

        Assert.Equal(("rejected", reason), (output["action"]!.GetValue<string>(), output["reason"]!.GetValue<string>()));
        Assert.Contains(h.Transcript, line => line.Contains("rejected, nothing read or changed: " + reason, StringComparison.Ordinal));
        Assert.Equal(calls, h.Aws.Calls.Calls.Count);
        Assert.Empty(h.Aws.StepFunctions.Engine.Executions);
    }

    [Fact]
    public async Task NodeGroupAmiAudit_RecordFromAnotherRegionInsideOurEnvelope_Rejected()
    {
        await using var h = await StartAsync(Cluster("apply"));
        var envelope = AuditEvents.Pcs(h, "UpdateComputeNodeGroup", new JsonObject { ["clusterIdentifier"] = h.ClusterId(), ["computeNodeGroupIdentifier"] = "x", ["amiId"] = OtherAmi });
        envelope["detail"]!["awsRegion"] = "eu-west-1";

        var output = await AuditAsync(h, envelope);

        Assert.Equal("event from Region eu-west-1 (detail.awsRegion), not this function's Region us-east-1", output["reason"]!.GetValue<string>());
        Assert.Empty(h.Aws.Calls.Of("pcs", "GetCluster"));
    }

    [Theory]
    [InlineData("""{"computeNodeGroupIdentifier":"compute-a","amiId":"ami-0000000000000000d"}""", "UpdateComputeNodeGroup: names no cluster (detail.requestParameters.clusterIdentifier")]
    [InlineData("""{"clusterIdentifier":"demo","amiId":"ami-0000000000000000d"}""", "UpdateComputeNodeGroup: names no node group (detail.requestParameters.computeNodeGroupIdentifier")]
    [InlineData("""{"clusterIdentifier":12,"computeNodeGroupIdentifier":"compute-a"}""", "detail.requestParameters.clusterIdentifier is a JSON number, not a string.")]
    [InlineData("""{"clusterIdentifier":"demo","computeNodeGroupIdentifier":"compute-a","customLaunchTemplate":"lt-1"}""", "detail.requestParameters.customLaunchTemplate is a JSON string, not an object.")]
    [InlineData("\"clusterIdentifier=demo\"", "detail.requestParameters is a JSON string, not an object.")]
    [InlineData("null", "UpdateComputeNodeGroup: detail.requestParameters is missing")]
    public async Task NodeGroupAmiAudit_MalformedDetail_ClearErrorNamingTheMemberAndNoChange(string requestParameters, string expected)
    {
        await using var h = await StartAsync(Cluster("apply"));
        var envelope = AuditEvents.Pcs(h, "UpdateComputeNodeGroup", null);
        envelope["detail"]!["requestParameters"] = JsonNode.Parse(requestParameters);

        var error = await Assert.ThrowsAsync<InvalidCloudTrailEvent>(() => AuditAsync(h, envelope));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Empty(h.Aws.Calls.Of("pcs", "GetCluster"));
        Assert.Empty(h.Aws.StepFunctions.Engine.Executions);
        Assert.Contains(h.Transcript, line => line.Contains("not audited, nothing changed: " + expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NodeGroupAmiAudit_EnvelopeWithoutDetail_ClearError()
    {
        await using var h = await StartAsync(Cluster("apply"));
        var envelope = AuditEvents.Pcs(h, "UpdateComputeNodeGroup", null);
        envelope.Remove("detail");

        var error = await Assert.ThrowsAsync<InvalidCloudTrailEvent>(() => AuditAsync(h, envelope));

        Assert.Equal("the event has no detail (the CloudTrail record).", error.Message);
        Assert.Empty(h.Aws.StepFunctions.Engine.Executions);
    }

    // guide L10800-10815: the guide's own CloudTrail sample names a node group id "computeNodeId"
    [Fact]
    public async Task NodeGroupAmiAudit_GuideSampleShapeWithComputeNodeId_AuditsThatGroup()
    {
        await using var h = await StartAsync(Cluster("notify"));
        var groupId = h.NodeGroupId("compute-a");
        h.Aws.Call("pcs", "UpdateComputeNodeGroup", new JsonObject { ["clusterIdentifier"] = h.ClusterId(), ["computeNodeGroupIdentifier"] = groupId, ["amiId"] = OtherAmi });
        var envelope = AuditEvents.Pcs(h, "UpdateComputeNodeGroup", new JsonObject
        {
            ["clientToken"] = "c13b7baf-2894-42e8-acec-example", ["clusterIdentifier"] = h.ClusterId(), ["computeNodeId"] = groupId, ["amiId"] = OtherAmi,
        }, new JsonObject { ["computeNodeGroup"] = new JsonObject { ["clusterId"] = h.ClusterId(), ["computeNodeId"] = groupId } });

        var output = await AuditAsync(h, envelope);

        Assert.Equal("finding", output["action"]!.GetValue<string>());
        Assert.Equal(groupId, JsonNode.Parse(Assert.Single(Executions(h, NoticeMachine)).Input)!["facts"]!["finding"]!["nodeGroupId"]!.GetValue<string>());
    }

    [Fact] // the guide's sample cluster id "abcdef0123" names no cluster here
    public async Task NodeGroupAmiAudit_UnknownCluster_IgnoredNamingIt()
    {
        await using var h = await StartAsync(Cluster("apply"));
        var envelope = AuditEvents.Pcs(h, "CreateComputeNodeGroup", new JsonObject { ["clusterIdentifier"] = "abcdef0123", ["computeNodeGroupName"] = "compute-x" });

        var output = await AuditAsync(h, envelope);

        Assert.Equal(("ignored", "cluster abcdef0123 does not exist (any more) in this account and Region"), (output["action"]!.GetValue<string>(), output["reason"]!.GetValue<string>()));
        Assert.Empty(h.Aws.StepFunctions.Engine.Executions);
    }

    [Theory] // a rotation's scale-down and restore set no image; a refused call changed nothing
    [InlineData("""{"scalingConfiguration":{"minInstanceCount":0,"maxInstanceCount":0}}""", null, "sets no amiId or launch template")]
    [InlineData("""{"amiId":"ami-0000000000000000d"}""", "ConflictException", "failed (ConflictException): nothing was changed")]
    public async Task NodeGroupAmiAudit_CallThatChangesNoImage_IgnoredWithoutReadingTheCluster(string members, string? errorCode, string reason)
    {
        await using var h = await StartAsync(Cluster("apply"));
        var request = JsonNode.Parse(members)!.AsObject();
        request["clusterIdentifier"] = h.ClusterId();
        request["computeNodeGroupIdentifier"] = h.NodeGroupId("compute-a");
        var envelope = AuditEvents.Pcs(h, "UpdateComputeNodeGroup", request);
        if (errorCode is not null) envelope["detail"]!["errorCode"] = errorCode;

        var output = await AuditAsync(h, envelope);

        Assert.Equal("ignored", output["action"]!.GetValue<string>());
        Assert.Contains(reason, output["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(h.Aws.Calls.Of("pcs", "GetCluster"));
    }

    [Fact]
    public async Task NodeGroupAmiAudit_GroupOnTheChannelsImageAndCompatible_CompliantNothingStarted()
    {
        await using var h = await StartAsync(Cluster("apply"));
        var recorded = AuditEvents.PersonSetsAmi(h, "compute-a", Rollout.NewAmi);

        var output = await AuditAsync(h, recorded);

        Assert.Equal("compliant", output["action"]!.GetValue<string>());
        Assert.Contains($"runs {Rollout.NewAmi}: compatible with the cluster", output["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(h.Aws.StepFunctions.Engine.Executions);
    }
}
