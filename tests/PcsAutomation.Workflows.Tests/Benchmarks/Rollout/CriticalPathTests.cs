using PcsAutomation.Benchmarks.Rollout;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.Workflows.Tests.Benchmarks.Rollout;

public class CriticalPathTests
{
    private static readonly Durations Emulator = new();
    private static readonly PlannedGroup WithNodes = new("with", 2);
    private static readonly PlannedGroup WithoutNodes = new("without", 0);

    [Fact] // ACTIVE after 2 min; checks at 0, 15, 45, 105, 225 s: the first at or after 120 s
    public void GroupDuration_NoNodes_TheFirstCheckAfterTheUpdate()
    {
        Assert.Equal(TimeSpan.FromSeconds(225), CriticalPath.GroupDuration(WithoutNodes, Emulator));
    }

    [Fact] // ready at 2 + 15 min = 1020 s; checks every 120 s from 225 s: 1065 s
    public void GroupDuration_RunningNodes_TheFirstCheckAfterTheRegistrationSettle()
    {
        Assert.Equal(TimeSpan.FromSeconds(1065), CriticalPath.GroupDuration(WithNodes, Emulator));
    }

    [Fact] // canary 1065; slots [1065, 1065]: with → 2130, without → 1290, without → 1515, with → 2580
    public void Cluster_BatchOfTwo_EachGroupTakesTheFirstFreeSlot()
    {
        var order = new[] { WithNodes, WithNodes, WithoutNodes, WithoutNodes, WithNodes };

        Assert.Equal(TimeSpan.FromSeconds(2580), CriticalPath.Cluster(order, batchSize: 2, Emulator));
        Assert.Equal(TimeSpan.FromSeconds(1065 + 1065 + 1065), CriticalPath.Waves(order, batchSize: 2, Emulator));
    }

    [Fact]
    public void Cluster_CanaryAlone_ItsOwnDuration()
    {
        Assert.Equal(TimeSpan.FromSeconds(225), CriticalPath.Cluster([WithoutNodes], batchSize: 3, Emulator));
        Assert.Equal(TimeSpan.Zero, CriticalPath.Cluster([], batchSize: 3, Emulator));
    }
}
