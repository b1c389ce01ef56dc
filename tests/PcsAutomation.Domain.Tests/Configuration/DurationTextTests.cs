using CsCheck;
using PcsAutomation.Domain.Configuration;

namespace PcsAutomation.Domain.Tests.Configuration;

public class DurationTextTests
{
    private const string Key = TagKeys.RotationMaxAge;

    [Theory]
    [InlineData("90d", 90 * 24)]
    [InlineData("1d", 24)]
    [InlineData("12h", 12)]
    [InlineData("1h", 1)]
    [InlineData("36H", 36)]
    [InlineData("007d", 7 * 24)]
    public void Parse_WholeDaysOrHours_ReturnsDuration(string text, int hours)
    {
        Assert.Equal(TimeSpan.FromHours(hours), DurationText.Parse(text, Key));
    }

    [Theory]
    [InlineData("0d", "is zero")]
    [InlineData("0h", "is zero")]
    [InlineData("-5d", "is negative")]
    [InlineData("1.5d", "not a whole number of days")]
    [InlineData("+5d", "not a whole number of days")]
    [InlineData("90", "has no unit")]
    [InlineData("30m", "unit 'm'")]
    [InlineData("2w", "unit 'w'")]
    [InlineData("d", "not a whole number")]
    [InlineData("", "empty")]
    [InlineData(" 90d", "not a whole number")]
    [InlineData("99999999999999d", "too large")]
    public void Parse_Invalid_ThrowsNamingTagAndProblem(string text, string problem)
    {
        var error = Assert.Throws<TagConfigurationException>(() => DurationText.Parse(text, Key));
        Assert.Equal(Key, error.TagKey);
        Assert.StartsWith(Key + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("90d")]
    [InlineData("36h")]
    [InlineData("1h")]
    [InlineData("7d")]
    public void Format_ParsedDuration_RoundTrips(string text)
    {
        Assert.Equal(text, DurationText.Format(DurationText.Parse(text, Key)));
    }

    [Fact]
    public void Format_WholeDaysInHours_UsesDays()
    {
        Assert.Equal("2d", DurationText.Format(TimeSpan.FromHours(48)));
        Assert.Equal("49h", DurationText.Format(TimeSpan.FromHours(49)));
        Assert.Equal("30m", DurationText.Format(TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void Parse_AnyPositiveCount_ParsesAndFormatsBack()
    {
        Gen.Select(Gen.Int[1, 100_000], Gen.Bool.Select(b => b ? 'd' : 'h')).Sample((count, unit) =>
        {
            var text = $"{count}{unit}";
            var parsed = DurationText.Parse(text, Key);
            var expected = unit == 'd' ? TimeSpan.FromDays(count) : TimeSpan.FromHours(count);
            return parsed == expected && DurationText.Parse(DurationText.Format(parsed), Key) == parsed;
        });
    }
}
