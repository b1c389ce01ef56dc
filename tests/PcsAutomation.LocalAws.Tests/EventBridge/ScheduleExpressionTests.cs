using PcsAutomation.LocalAws.EventBridge;

namespace PcsAutomation.LocalAws.Tests.EventBridge;

// Examples from the EventBridge User Guide "Schedule expressions for rules" (cron and rate), all UTC.
public class ScheduleExpressionTests
{
    private static DateTimeOffset Utc(int y, int mo, int d, int h = 0, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    private static DateTimeOffset? Next(string expression, DateTimeOffset after) => ScheduleExpression.Parse(expression).NextOccurrence(after);

    [Theory]
    [InlineData("rate(1 minute)", 1)]
    [InlineData("rate(5 minutes)", 5)]
    [InlineData("rate(1 hour)", 60)]
    [InlineData("rate(12 hours)", 720)]
    [InlineData("rate(1 day)", 1440)]
    [InlineData("rate(7 days)", 10080)]
    public void Rate_ValidUnit_NextIsOnePeriodLater(string expression, int minutes)
    {
        var after = Utc(2026, 11, 25, 18, 30).AddSeconds(17);
        Assert.Equal(after.AddMinutes(minutes), Next(expression, after));
    }

    [Fact]
    public void Cron_EveryDayAtTen_NextDayWhenPast() =>
        Assert.Equal(Utc(2026, 11, 26, 10, 0), Next("cron(0 10 * * ? *)", Utc(2026, 11, 25, 18, 0)));

    [Fact]
    public void Cron_ExactlyAtOccurrence_ReturnsTheFollowingOne() =>
        Assert.Equal(Utc(2026, 11, 26, 10, 0), Next("cron(0 10 * * ? *)", Utc(2026, 11, 25, 10, 0)));

    [Fact]
    public void Cron_EveryFifteenMinutes_NextQuarter() =>
        Assert.Equal(Utc(2026, 11, 25, 10, 15), Next("cron(0/15 * * * ? *)", Utc(2026, 11, 25, 10, 7)));

    [Fact]
    public void Cron_WeekdaysAtSixPmByName_SkipsWeekend() =>
        Assert.Equal(Utc(2026, 11, 30, 18, 0), Next("cron(0 18 ? * MON-FRI *)", Utc(2026, 11, 27, 19, 0)));

    [Fact]
    public void Cron_DayOfWeekNumbers_OneIsSunday() =>
        Assert.Equal(Utc(2026, 11, 29, 0, 0), Next("cron(0 0 ? * 1 *)", Utc(2026, 11, 25, 0, 0)));

    [Fact]
    public void Cron_FirstOfMonthListOfMonths_JumpsToNextListedMonth() =>
        Assert.Equal(Utc(2027, 3, 1, 8, 0), Next("cron(0 8 1 MAR,JUN,SEP ? *)", Utc(2026, 11, 25)));

    [Fact]
    public void Cron_LastDayOfMonth_HandlesLeapFebruary() =>
        Assert.Equal(Utc(2024, 2, 29, 0, 0), Next("cron(0 0 L * ? *)", Utc(2024, 2, 10)));

    [Fact]
    public void Cron_LastFridayWithYearRange_FromTheGuide()
    {
        Assert.Equal(Utc(2022, 1, 28, 10, 15), Next("cron(15 10 ? * 6L 2022-2023)", Utc(2022, 1, 1)));
        Assert.Null(Next("cron(15 10 ? * 6L 2022-2023)", Utc(2024, 1, 1)));
    }

    [Fact]
    public void Cron_NearestWeekday_SaturdayMovesToFridaySundayToMonday()
    {
        Assert.Equal(Utc(2026, 8, 14), Next("cron(0 0 15W * ? *)", Utc(2026, 8, 1)));
        Assert.Equal(Utc(2026, 11, 16), Next("cron(0 0 15W * ? *)", Utc(2026, 11, 1)));
    }

    [Fact]
    public void Cron_NearestWeekdayOnFirstSaturday_DoesNotCrossIntoPreviousMonth() =>
        Assert.Equal(Utc(2026, 8, 3), Next("cron(0 0 1W * ? *)", Utc(2026, 7, 31, 12, 0)));

    [Fact]
    public void Cron_LastWeekday_SundayThirtiethMovesToFriday() =>
        Assert.Equal(Utc(2025, 11, 28), Next("cron(0 0 LW * ? *)", Utc(2025, 11, 1)));

    [Fact]
    public void Cron_NthWeekday_SecondTuesday() =>
        Assert.Equal(Utc(2026, 12, 8, 12, 0), Next("cron(0 12 ? * 3#2 *)", Utc(2026, 12, 1)));

    [Fact]
    public void Cron_SingleYear_NoOccurrenceAfterIt()
    {
        Assert.Equal(Utc(2030, 1, 1), Next("cron(0 0 1 1 ? 2030)", Utc(2026, 11, 25)));
        Assert.Null(Next("cron(0 0 1 1 ? 2030)", Utc(2030, 1, 1)));
    }

    [Fact]
    public void Cron_RangeWithStep_EveryOtherHourInWindow()
    {
        var cron = ScheduleExpression.Parse("cron(30 8-12/2 * * ? *)");
        var times = new List<DateTimeOffset>();
        var at = Utc(2026, 11, 25);
        for (var i = 0; i < 4; i++)
            times.Add(at = cron.NextOccurrence(at)!.Value);
        Assert.Equal([Utc(2026, 11, 25, 8, 30), Utc(2026, 11, 25, 10, 30), Utc(2026, 11, 25, 12, 30), Utc(2026, 11, 26, 8, 30)], times);
    }

    [Fact]
    public void Cron_OffsetInput_IsReadAsUtc() =>
        Assert.Equal(Utc(2026, 11, 26, 10, 0), Next("cron(0 10 * * ? *)", new DateTimeOffset(2026, 11, 26, 11, 0, 0, TimeSpan.FromHours(2))));

    [Theory]
    [InlineData("rate(1 minutes)")]
    [InlineData("rate(5 minute)")]
    [InlineData("rate(0 minutes)")]
    [InlineData("rate(-1 minutes)")]
    [InlineData("rate(5 weeks)")]
    [InlineData("rate(5)")]
    [InlineData("cron(0 10 * * * *)")]
    [InlineData("cron(0 10 ? * ? *)")]
    [InlineData("cron(0 10 * * ?)")]
    [InlineData("cron(60 10 * * ? *)")]
    [InlineData("cron(0 24 * * ? *)")]
    [InlineData("cron(0 0 32 * ? *)")]
    [InlineData("cron(0 0 ? * 8 *)")]
    [InlineData("cron(0 0 ? * 2#6 *)")]
    [InlineData("cron(0 0 1 FOO ? *)")]
    [InlineData("cron(0 0 1 1 ? 2200)")]
    [InlineData("cron(5-1 0 1 1 ? *)")]
    [InlineData("cron(0/0 0 1 1 ? *)")]
    [InlineData("every 5 minutes")]
    public void Parse_Invalid_ThrowsValidationException(string expression)
    {
        var error = Assert.Throws<AwsServiceException>(() => ScheduleExpression.Parse(expression));
        Assert.Equal("ValidationException", error.Code);
        Assert.Equal("Parameter ScheduleExpression is not valid.", error.Message);
    }
}
