using PcsAutomation.Domain.CapacityBlocks;

namespace PcsAutomation.Domain.Tests.CapacityBlocks;

public sealed class RestoreAttemptsTests
{
    [Theory]
    [InlineData("RUNNING")]
    [InlineData("SUCCEEDED")]
    [InlineData("PENDING_REDRIVE")]
    public void RestoreAttempts_AttemptRunningOrDone_LeftAlone(string status) =>
        Assert.Equal(RestoreAttemptVerdict.Started, RestoreAttempts.Decide(1, status));

    [Theory]
    [InlineData("FAILED")]
    [InlineData("TIMED_OUT")]
    [InlineData("ABORTED")]
    public void RestoreAttempts_AttemptEndedBadly_NextAttemptUntilTheLastThenNeedsOperator(string status)
    {
        Assert.Equal(RestoreAttemptVerdict.TryNext, RestoreAttempts.Decide(1, status));
        Assert.Equal(RestoreAttemptVerdict.TryNext, RestoreAttempts.Decide(RestoreAttempts.Max - 1, status));
        Assert.Equal(RestoreAttemptVerdict.NeedsOperator, RestoreAttempts.Decide(RestoreAttempts.Max, status));
    }

    [Fact]
    public void RestoreAttempts_AttemptZero_Refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RestoreAttempts.Decide(0, "FAILED"));
}
