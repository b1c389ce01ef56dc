using PcsAutomation.Domain.Ami;

namespace PcsAutomation.Domain.Tests.Ami;

public class SlurmVersionTests
{
    [Theory]
    [InlineData("25.11", 25, 11)]
    [InlineData("24.05", 24, 5)]
    public void Parse_Major_YearAndMonth(string text, int year, int month) =>
        Assert.Equal(new SlurmVersion(year, month), SlurmVersion.Parse(text));

    [Theory]
    [InlineData("25.11.2")]
    [InlineData("25.1")]
    [InlineData("25.13")]
    [InlineData("2511")]
    [InlineData(" 25.11")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_NotAMajor_FormatExceptionQuotesIt(string? text)
    {
        var error = Assert.Throws<FormatException>(() => SlurmVersion.Parse(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CompareTo_ReleaseOrder_ByYearThenMonth()
    {
        Assert.True(new SlurmVersion(24, 11) < new SlurmVersion(25, 5));
        Assert.True(new SlurmVersion(25, 5) < new SlurmVersion(25, 11));
        Assert.Equal("24.05", new SlurmVersion(24, 5).ToString());
    }

    [Theory]
    [InlineData("25.05", "25.11", 1)]
    [InlineData("24.11", "25.11", 2)]
    [InlineData("24.05", "25.11", 3)]
    [InlineData("25.11", "25.11", 0)]
    public void VersionsBehind_KnownReleases_CountsReleasesBetween(string older, string newer, int expected) =>
        Assert.Equal(expected, SlurmReleases.VersionsBehind(SlurmVersion.Parse(older), SlurmVersion.Parse(newer)));

    [Fact]
    public void VersionsBehind_UnknownVersion_Null() =>
        Assert.Null(SlurmReleases.VersionsBehind(new SlurmVersion(25, 5), new SlurmVersion(26, 5)));

    [Theory] // guide L6441-6446, dates as data
    [InlineData("24.11", "2026-05-30T23:59:59Z", false)]
    [InlineData("24.11", "2026-05-31T00:00:00Z", true)]
    [InlineData("25.05", "2026-11-29T12:00:00Z", false)]
    [InlineData("25.05", "2026-11-30T00:00:00Z", true)]
    [InlineData("25.11", "2027-05-30T00:00:00Z", false)]
    [InlineData("25.11", "2027-05-31T00:00:00Z", true)]
    public void IsEndOfLifeAt_FromTheStartOfTheEolDay(string version, string now, bool expected) =>
        Assert.Equal(expected, SlurmReleases.Find(SlurmVersion.Parse(version))!.IsEndOfLifeAt(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
}
