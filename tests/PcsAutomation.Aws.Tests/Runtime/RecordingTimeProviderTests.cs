namespace PcsAutomation.Aws.Tests.Runtime;

public class RecordingTimeProviderTests
{
    private static readonly TimeSpan Due = TimeSpan.FromSeconds(1);

    // Issue 9: the report came before FakeTimeProvider armed the timer. Timers created on their own thread (so the test's
    // continuation can run while the creator is between the two steps) lost a few rounds in 3000 against that code.
    [Fact]
    public async Task NextTimerAsync_TimerCreatedOnAnotherThread_IsArmedWhenReported()
    {
        var clock = new RecordingTimeProvider(TestClients.Start);
        for (var round = 0; round < 3000; round++)
        {
            var fired = 0;
            ITimer? timer = null;
            var creator = new Thread(() => timer = clock.CreateTimer(_ => Interlocked.Exchange(ref fired, 1), null, Due, Timeout.InfiniteTimeSpan));
            creator.Start();

            Assert.Equal(Due, await clock.NextTimerAsync());
            clock.Advance(Due);

            // FakeTimeProvider runs due callbacks inside Advance: a timer armed when reported has fired by now.
            Assert.True(Volatile.Read(ref fired) == 1, $"round {round}: the reported timer was not armed when the clock moved past it");
            creator.Join();
            timer!.Dispose();
        }
    }

    [Fact]
    public async Task NextTimerAsync_CallEndsWithoutTimer_FailsAtOnceNamingTheOutcome()
    {
        var clock = new RecordingTimeProvider(TestClients.Start);
        var call = Task.FromException(new InvalidOperationException("boom"));

        var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => clock.NextTimerAsync(call));

        Assert.Contains("ended (Faulted) before creating the timer", failure.Message, StringComparison.Ordinal);
        Assert.Contains("boom", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdvanceNextTimerAsync_SkipsIgnoredTimers_AdvancesByTheNextAndFiresIt()
    {
        var clock = new RecordingTimeProvider(TestClients.Start);
        var fired = false;
        using var timeout = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);
        using var backoff = clock.CreateTimer(_ => fired = true, null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);

        var advanced = await clock.AdvanceNextTimerAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(2), advanced);
        Assert.True(fired);
        Assert.Equal(TestClients.Start + TimeSpan.FromSeconds(2), clock.GetUtcNow());
    }
}
