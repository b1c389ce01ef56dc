using System.Text.Json;
using PcsAutomation.Aws.PCS.Internal;

namespace PcsAutomation.Aws.Tests.PCS.Internal;

public class EpochSecondsConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new EpochSecondsConverter() } };

    [Theory]
    [InlineData("1732536000", 1_732_536_000_000L)]
    [InlineData("1732536000.5", 1_732_536_000_500L)]
    [InlineData("1732536000.1234", 1_732_536_000_123L)]
    [InlineData("\"1732536000.25\"", 1_732_536_000_250L)]
    [InlineData("\"2024-11-25T12:00:00Z\"", 1_732_536_000_000L)]
    [InlineData("-1.5", -1_500L)]
    public void Read_EpochSecondsOrTolerableString_ParsesToMilliseconds(string json, long expectedMilliseconds) =>
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(expectedMilliseconds), JsonSerializer.Deserialize<DateTimeOffset>(json, Options));

    [Theory]
    [InlineData(1_732_536_000_000L, "1732536000")]
    [InlineData(1_732_536_000_500L, "1732536000.5")]
    [InlineData(1_732_536_000_007L, "1732536000.007")]
    public void Write_Milliseconds_EpochSecondsNumber(long milliseconds, string expected) =>
        Assert.Equal(expected, JsonSerializer.Serialize(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), Options));

    [Theory]
    [InlineData("true")]
    [InlineData("\"next tuesday\"")]
    public void Read_NotATimestamp_JsonException(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DateTimeOffset>(json, Options));
}
