using PcsAutomation.Cli.Monitoring;

namespace PcsAutomation.Cli.Tests.Monitoring;

public class TimelineFormatTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 8, 10, 3, TimeSpan.Zero);

    [Fact]
    public void Line_Exited_TimestampElapsedStateAndTimeInState()
    {
        var line = TimelineFormat.Line(new TimelineEntry(At, TimeSpan.FromSeconds(603), TimelineKind.Exited, "WaitForDrain", TimeSpan.FromMinutes(10)));

        Assert.Equal("2026-01-05 08:10:03Z  +10:03  exited   WaitForDrain (10m 00s)", line);
    }

    [Fact]
    public void Line_Failed_StateAndDetail()
    {
        var line = TimelineFormat.Line(new TimelineEntry(At, TimeSpan.FromHours(1.5), TimelineKind.Failed, "ScaleNodeGroupsToZero", Detail: "Pcs.ConflictException: busy"));

        Assert.Equal("2026-01-05 08:10:03Z  +1:30:00  failed   ScaleNodeGroupsToZero: Pcs.ConflictException: busy", line);
    }

    [Fact]
    public void Line_Notified_EventAndSubject()
    {
        var line = TimelineFormat.Line(new TimelineEntry(At, TimeSpan.FromSeconds(4), TimelineKind.Notified, "Starting", Detail: "PCS AMI roll-out starting: demo"));

        Assert.Equal("2026-01-05 08:10:03Z  +00:04  notified Starting: PCS AMI roll-out starting: demo", line);
    }

    [Theory]
    [InlineData(3, "3s")]
    [InlineData(250, "4m 10s")]
    [InlineData(3720, "1h 02m")]
    public void Duration_Seconds_ShortText(int seconds, string expected) =>
        Assert.Equal(expected, TimelineFormat.Duration(TimeSpan.FromSeconds(seconds)));
}
