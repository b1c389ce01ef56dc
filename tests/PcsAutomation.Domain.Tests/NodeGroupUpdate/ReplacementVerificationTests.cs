using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Domain.Tests.Ami;
using static PcsAutomation.Domain.Tests.NodeGroupUpdate.Rollouts;

namespace PcsAutomation.Domain.Tests.NodeGroupUpdate;

public class ReplacementVerificationTests
{
    private const string GroupId = "pcs_abc123abc1";
    private static readonly DateTimeOffset ChangedAt = Images.Now.AddHours(-1);

    private static NodeInstance Instance(string id, string image, string state = "running", string? tag = GroupId) =>
        new(id, state, image, ChangedAt.AddMinutes(-30), tag);

    private static ReplacementStatus Evaluate(IReadOnlyList<NodeInstance> instances, DateTimeOffset? now = null) =>
        ReplacementVerification.Evaluate(GroupId, NewAmi, instances, ChangedAt, now ?? Images.Now, ReplacementVerification.DefaultMaxWait);

    [Fact]
    public void Evaluate_MixedOldAndNewRunning_WaitsNamingTheOldOnes()
    {
        var status = Evaluate([Instance("i-2", OldAmi), Instance("i-1", NewAmi), Instance("i-3", OldAmi)]);

        Assert.Equal(ReplacementState.Waiting, status.State);
        Assert.Equal(["i-2", "i-3"], status.OnOldImage);
        Assert.Equal(["i-1"], status.OnNewImage);
        Assert.Equal(ChangedAt.AddHours(2), status.Deadline);
    }

    [Fact]
    public void Evaluate_EveryRunningInstanceOnTheNewImage_IsVerified()
    {
        // The old ones that are ending are not judged.
        var status = Evaluate([Instance("i-1", NewAmi), Instance("i-2", OldAmi, "shutting-down"), Instance("i-3", OldAmi, "terminated")]);

        Assert.True(status.Verified);
        Assert.Empty(status.OnOldImage);
    }

    [Fact]
    public void Evaluate_OldNodesEndedWhileTheirReplacementsStillBoot_IsSettlingNotVerified()
    {
        // A busy group: its jobs ended, the old nodes are gone, the new ones are still pending (seen on the demo canary).
        var status = Evaluate([Instance("i-1", OldAmi, "terminated"), Instance("i-4", NewAmi, "pending")]);

        Assert.Equal(ReplacementState.Settling, status.State);
        Assert.Equal(["i-4"], status.OnNewImage);
    }

    [Fact]
    public void Evaluate_OldImageInstanceStillPending_IsWaitedFor()
    {
        var status = Evaluate([Instance("i-1", NewAmi), Instance("i-5", OldAmi, "pending")]);

        Assert.Equal(ReplacementState.Waiting, status.State);
        Assert.Equal(["i-5"], status.OnOldImage);
    }

    [Fact]
    public void Evaluate_InstanceTaggedWithTheGroupsNameOrAnotherGroup_IsNotCounted()
    {
        // guide L2948, L2964: the tag holds the group's id, not its name.
        var status = Evaluate([Instance("i-1", NewAmi), Instance("i-2", OldAmi, tag: "compute-1"), Instance("i-3", OldAmi, tag: "pcs_other00001")]);

        Assert.True(status.Verified);
        Assert.Equal(["i-1"], status.OnNewImage);
    }

    [Fact]
    public void Evaluate_OldInstancesAfterTheBound_TimesOut()
    {
        var instances = new[] { Instance("i-1", OldAmi) };

        Assert.Equal(ReplacementState.Waiting, Evaluate(instances, ChangedAt.AddHours(2).AddSeconds(-1)).State);
        var status = Evaluate(instances, ChangedAt.AddHours(2));
        Assert.Equal(ReplacementState.TimedOut, status.State);
        Assert.Equal("node group compute-1: 1 running instance still on the old image 120 min after the update (i-1): PCS replaces a node only once its jobs end (guide L2667)",
            ReplacementVerification.Describe("compute-1", status, ChangedAt));
    }

    [Fact]
    public void Evaluate_ReplacementsRunningForLessThanTheSettleTime_AreSettlingNotVerified()
    {
        var launched = Images.Now.AddMinutes(-14);
        NodeInstance Fresh(string id, DateTimeOffset? at) => new(id, "running", NewAmi, at, GroupId);

        Assert.Equal(ReplacementState.Settling, Evaluate([Fresh("i-1", launched)]).State);
        Assert.Equal(ReplacementState.Settling, Evaluate([Fresh("i-1", null)]).State);
        Assert.Equal(ReplacementState.Verified, Evaluate([Fresh("i-1", launched)], launched.AddMinutes(15)).State);
    }

    [Fact]
    public void Evaluate_NoRunningInstance_IsVerified()
    {
        Assert.True(Evaluate([]).Verified);
    }
}
