using PcsAutomation.Domain.Rotation;

namespace PcsAutomation.Domain.Tests.Rotation;

public class DowntimeEstimateTests
{
    [Fact]
    public void For_NoGroupsNoInstances_RotationOnly()
    {
        // Guide L2382: a rotation "typically takes a few minutes".
        Assert.Equal(TimeSpan.FromMinutes(5), DowntimeEstimate.For(0, 0));
    }

    [Fact]
    public void For_TwoGroupsFourInstances_DownRotateUpAndBoot()
    {
        // 2 x (5 min + 2 x 15 s) + 5 min rotation + 2 min termination + 5 min boot.
        Assert.Equal(TimeSpan.FromMinutes(23), DowntimeEstimate.For(2, 4));
    }

    [Fact]
    public void For_MoreGroupsOrInstances_NeverShorter()
    {
        for (var groups = 0; groups < 10; groups++)
        {
            Assert.True(DowntimeEstimate.For(groups + 1, 0) > DowntimeEstimate.For(groups, 0));
            Assert.True(DowntimeEstimate.For(groups, 1) > DowntimeEstimate.For(groups, 0));
            Assert.Equal(DowntimeEstimate.For(groups, 1), DowntimeEstimate.For(groups, 500));
        }
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, -1)]
    public void For_Negative_Throws(int groups, int instances)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DowntimeEstimate.For(groups, instances));
    }
}
