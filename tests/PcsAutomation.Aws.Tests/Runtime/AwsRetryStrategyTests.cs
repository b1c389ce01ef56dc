using PcsAutomation.Aws.Runtime;

namespace PcsAutomation.Aws.Tests.Runtime;

public class AwsRetryStrategyTests
{
    [Fact]
    public void NextRetry_LateAttempt_CapsBackoffAt20Seconds()
    {
        var strategy = new AwsRetryStrategy(maxAttempts: 10, random: () => 1.0);

        var decision = strategy.NextRetry(attempt: 6, timedOut: false); // 2^5 = 32 s before the cap

        Assert.Equal(TimeSpan.FromSeconds(20), decision?.Delay);
    }

    [Fact]
    public void NextRetry_LastAttempt_GivesUp()
    {
        var strategy = new AwsRetryStrategy(maxAttempts: 3, random: () => 0.5);

        Assert.NotNull(strategy.NextRetry(attempt: 2, timedOut: false));
        Assert.Null(strategy.NextRetry(attempt: 3, timedOut: false));
    }

    [Fact]
    public void NextRetry_QuotaSpent_GivesUpUntilSuccessesRefundIt()
    {
        var strategy = new AwsRetryStrategy(maxAttempts: 3, random: () => 0.5, quotaCapacity: 15);

        Assert.Equal(10, strategy.NextRetry(1, timedOut: true)?.Cost);
        Assert.Equal(5, strategy.NextRetry(1, timedOut: false)?.Cost);
        Assert.Null(strategy.NextRetry(1, timedOut: false));

        strategy.RecordSuccess(lastAcquired: 5);
        Assert.Equal(5, strategy.AvailableQuota);
        Assert.NotNull(strategy.NextRetry(1, timedOut: false));
    }

    [Fact]
    public void RecordSuccess_WithoutRetry_AddsOneTokenUpToCapacity()
    {
        var strategy = new AwsRetryStrategy(maxAttempts: 3, random: () => 0.5, quotaCapacity: 20);
        strategy.NextRetry(1, timedOut: false);

        strategy.RecordSuccess(lastAcquired: 0);
        Assert.Equal(16, strategy.AvailableQuota);
        for (var i = 0; i < 10; i++)
            strategy.RecordSuccess(lastAcquired: 0);
        Assert.Equal(20, strategy.AvailableQuota);
    }
}
