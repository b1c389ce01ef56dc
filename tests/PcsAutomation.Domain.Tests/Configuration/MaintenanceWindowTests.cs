using CsCheck;
using PcsAutomation.Domain.Configuration;

namespace PcsAutomation.Domain.Tests.Configuration;

public class MaintenanceWindowTests
{
    private const string Key = TagKeys.MaintenanceWindow;

    // 2026-01-11 is a Sunday.
    private static DateTimeOffset Utc(int day, int hour, int minute, int second = 0) => new(2026, 1, day, hour, minute, second, TimeSpan.Zero);

    private static MaintenanceWindow W(string text) => MaintenanceWindow.Parse(text, Key);

    [Fact]
    public void Parse_RdsStyle_ReadsDaysAndTimes()
    {
        Assert.Equal(new MaintenanceWindow(DayOfWeek.Sunday, new TimeOnly(2, 0), DayOfWeek.Sunday, new TimeOnly(6, 0)), W("sun:02:00-sun:06:00"));
    }

    [Theory]
    [InlineData("SUN:02:00-Sun:06:00", "sun:02:00-sun:06:00")]
    [InlineData("mon:00:00-tue:23:59", "mon:00:00-tue:23:59")]
    [InlineData("sat:22:00-sun:02:00", "sat:22:00-sun:02:00")]
    public void Parse_DayNamesAnyCase_ToStringIsLowercase(string text, string expected)
    {
        Assert.Equal(expected, W(text).ToString());
    }

    [Theory]
    [InlineData("sun:02:00-sun:06:00")]
    [InlineData("sat:22:00-sun:02:00")]
    [InlineData("sun:23:00-mon:01:00")]
    [InlineData("wed:12:30-tue:12:29")]
    public void ToString_ParsedWindow_RoundTrips(string text)
    {
        Assert.Equal(text, W(text).ToString());
        Assert.Equal(W(text), W(W(text).ToString()));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("sun:02:00", "is not ddd:hh:mm-ddd:hh:mm")]
    [InlineData("sun:02:00-sun:06:00-mon:01:00", "is not ddd:hh:mm-ddd:hh:mm")]
    [InlineData("sunday:02:00-sun:06:00", "start day 'sunday'")]
    [InlineData("sun:02:00-xyz:06:00", "end day 'xyz'")]
    [InlineData("sun:24:00-sun:06:00", "start time '24:00'")]
    [InlineData("sun:02:60-sun:06:00", "start time '02:60'")]
    [InlineData("sun:2:00-sun:06:00", "start time '2:00'")]
    [InlineData("sun:02:00-sun:6:00", "end time '6:00'")]
    [InlineData("sun:02-sun:06:00", "the start 'sun:02' is not ddd:hh:mm")]
    [InlineData("sun:02:00-sun:02:00", "zero length")]
    [InlineData(" sun:02:00-sun:06:00", "start day ' sun'")]
    public void Parse_Invalid_ThrowsNamingTagAndProblem(string text, string problem)
    {
        var error = Assert.Throws<TagConfigurationException>(() => W(text));
        Assert.Equal(Key, error.TagKey);
        Assert.StartsWith(Key + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidFromEnvironment_NamesTheVariable()
    {
        var error = Assert.Throws<TagConfigurationException>(() => MaintenanceWindow.Parse("sun", EnvironmentVariables.MaintenanceWindow));
        Assert.Equal(EnvironmentVariables.MaintenanceWindow, error.TagKey);
        Assert.Contains(EnvironmentVariables.MaintenanceWindow, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsOpen_SundayWindow_OpenFromStartUntilBeforeEnd()
    {
        var window = W("sun:02:00-sun:06:00");
        Assert.False(window.IsOpen(Utc(11, 1, 59, 59)));
        Assert.True(window.IsOpen(Utc(11, 2, 0)));
        Assert.True(window.IsOpen(Utc(11, 5, 59, 59)));
        Assert.False(window.IsOpen(Utc(11, 6, 0)));
        Assert.False(window.IsOpen(Utc(14, 3, 0)));
        Assert.True(window.IsOpen(Utc(18, 3, 0)));
    }

    [Fact]
    public void OpenedAt_InsideWindow_IsThatOccurrencesStart()
    {
        var window = W("sun:02:00-sun:06:00");
        Assert.Equal(Utc(11, 2, 0), window.OpenedAt(Utc(11, 4, 17, 33)));
        Assert.Equal(Utc(18, 2, 0), window.OpenedAt(Utc(18, 2, 0)));
        Assert.Null(window.OpenedAt(Utc(11, 6, 0)));
    }

    [Fact]
    public void OpenedAt_WrapsTheWeekSaturdayToSunday_StartsOnSaturday()
    {
        var window = W("sat:22:00-sun:02:00");
        Assert.Equal(Utc(10, 22, 0), window.OpenedAt(Utc(10, 23, 0)));
        Assert.Equal(Utc(10, 22, 0), window.OpenedAt(Utc(11, 1, 59)));
        Assert.Null(window.OpenedAt(Utc(11, 2, 0)));
        Assert.Null(window.OpenedAt(Utc(10, 21, 59)));
        Assert.Equal(Utc(11, 2, 0), window.ClosesAt(Utc(10, 22, 0)));
    }

    [Fact]
    public void OpenedAt_WrapsTheWeekSundayToMonday_StartsOnSunday()
    {
        var window = W("sun:23:00-mon:01:00");
        Assert.Equal(Utc(11, 23, 0), window.OpenedAt(Utc(12, 0, 30)));
        Assert.Equal(Utc(12, 1, 0), window.ClosesAt(Utc(11, 23, 0)));
        Assert.False(window.IsOpen(Utc(12, 1, 0)));
        Assert.False(window.IsOpen(Utc(11, 22, 59)));
    }

    [Fact]
    public void OpenedAt_EndEarlierInWeekThanStart_LastsAlmostAWeek()
    {
        var window = W("wed:12:30-wed:12:00");
        Assert.Equal(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(30), window.Length);
        Assert.False(window.IsOpen(Utc(14, 12, 15)));
        Assert.Equal(Utc(7, 12, 30), window.OpenedAt(Utc(14, 11, 59)));
    }

    [Fact]
    public void OpenedAt_NonUtcOffset_ComparesInUtc()
    {
        var window = W("sun:02:00-sun:06:00");
        var paris = new DateTimeOffset(2026, 1, 11, 4, 30, 0, TimeSpan.FromHours(1)); // 03:30 UTC
        Assert.Equal(Utc(11, 2, 0), window.OpenedAt(paris));
        Assert.Equal(TimeSpan.Zero, window.OpenedAt(paris)!.Value.Offset);
        Assert.False(window.IsOpen(new DateTimeOffset(2026, 1, 11, 2, 30, 0, TimeSpan.FromHours(1)))); // 01:30 UTC
    }

    [Fact]
    public void NextOpening_ClosedAndAtStart_IsNextStart()
    {
        var window = W("sun:02:00-sun:06:00");
        Assert.Equal(Utc(18, 2, 0), window.NextOpening(Utc(11, 7, 0)));
        Assert.Equal(Utc(11, 2, 0), window.NextOpening(Utc(11, 2, 0)));
        Assert.Equal(Utc(11, 2, 0), window.NextOpening(Utc(10, 9, 0)));
    }

    private static readonly Gen<MaintenanceWindow> Windows =
        Gen.Select(Gen.Int[0, 6], Gen.Int[0, 1439], Gen.Int[0, 6], Gen.Int[0, 1439])
            .Where(t => t.Item1 * 1440 + t.Item2 != t.Item3 * 1440 + t.Item4)
            .Select(t => new MaintenanceWindow((DayOfWeek)t.Item1, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(t.Item2)), (DayOfWeek)t.Item3, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(t.Item4))));

    // 2000-01-01 .. 2100-01-01, second resolution, various offsets.
    private static readonly Gen<DateTimeOffset> Instants =
        Gen.Select(Gen.Long[946_684_800L, 4_102_444_800L], Gen.Int[-12, 14])
            .Select(t => DateTimeOffset.FromUnixTimeSeconds(t.Item1).ToOffset(TimeSpan.FromHours(t.Item2)));

    [Fact]
    public void OpenedAt_AnyWindowAndInstant_NonNullIffOpen()
    {
        Gen.Select(Windows, Instants).Sample((window, at) => window.OpenedAt(at).HasValue == window.IsOpen(at));
    }

    [Fact]
    public void OpenedAt_AnyWindowAndInstant_ContainsTheInstant()
    {
        Gen.Select(Windows, Instants).Sample((window, at) =>
        {
            var opened = window.OpenedAt(at);
            return opened is null || (opened.Value <= at && at < window.ClosesAt(opened.Value) && window.IsOpen(opened.Value));
        });
    }

    [Fact]
    public void OpenedAt_AnyWindow_StartsOnTheStartDayAndTime()
    {
        Gen.Select(Windows, Instants).Sample((window, at) =>
        {
            var opened = window.OpenedAt(at);
            return opened is null
                || (opened.Value.UtcDateTime.DayOfWeek == window.StartDay && TimeOnly.FromDateTime(opened.Value.UtcDateTime) == window.StartTime);
        });
    }

    [Fact]
    public void ToString_AnyWindow_RoundTrips()
    {
        Windows.Sample(window => MaintenanceWindow.Parse(window.ToString(), Key) == window);
    }

    [Fact]
    public void NextOpening_AnyWindowAndInstant_IsOpenAndWithinAWeek()
    {
        Gen.Select(Windows, Instants).Sample((window, at) =>
        {
            var next = window.NextOpening(at);
            return next >= at && next - at < TimeSpan.FromDays(7) && window.OpenedAt(next) == next;
        });
    }
}
