using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Domain.Tests.Workflows;

public class PollingBackoffTests
{
    [Theory]
    [InlineData(0, 15)]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(4, 120)]
    [InlineData(1000, 120)]
    [InlineData(int.MaxValue, 120)]
    public void NextWaitSeconds_Attempt_DoublesThenCapsAt120(int attempt, int seconds)
    {
        Assert.Equal(seconds, PollingBackoff.NextWaitSeconds(attempt));
    }

    [Fact]
    public void NextWaitSeconds_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PollingBackoff.NextWaitSeconds(-1));
    }
}
