using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PcsAutomation.Lambda.Logging;

namespace PcsAutomation.Lambda.Tests.Logging;

public sealed class JsonLambdaLoggerTests : IDisposable
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero));
    private readonly StringWriter output = new();

    private JsonElement[] Lines() =>
        [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];

    [Fact]
    public void Log_Information_WritesLambdaJsonFormatFields()
    {
        var logger = new JsonLambdaLogger(output, time, LogLevel.Information) { RequestId = "req-7" };

        logger.LogInformation("scaled \"compute-1\" to 0");

        var line = Assert.Single(Lines());
        Assert.Equal("2026-03-04T05:06:07.890Z", line.GetProperty("timestamp").GetString());
        Assert.Equal("INFO", line.GetProperty("level").GetString());
        Assert.Equal("scaled \"compute-1\" to 0", line.GetProperty("message").GetString());
        Assert.Equal("req-7", line.GetProperty("requestId").GetString());
    }

    [Fact]
    public void Log_BelowMinimumLevel_IsDropped()
    {
        var logger = new JsonLambdaLogger(output, time, LogLevels.Parse("WARN"));

        logger.LogDebug("debug");
        logger.LogInformation("info");
        logger.LogWarning("warn");
        logger.LogCritical("fatal");

        Assert.Equal(["WARN", "FATAL"], Lines().Select(l => l.GetProperty("level").GetString()));
    }

    [Fact]
    public async Task BeginScope_AcrossAwait_AddsPropertiesUntilDisposed()
    {
        var logger = new JsonLambdaLogger(output, time, LogLevel.Information);

        using (logger.BeginScope("clusterId", "pcs_abc123"))
        {
            using (logger.BeginScope("computeNodeGroupId", "cng_1"))
            {
                await Task.Yield();
                logger.LogInformation("inner");
            }
            logger.LogInformation("outer");
        }
        logger.LogInformation("none");

        var lines = Lines();
        Assert.Equal("pcs_abc123", lines[0].GetProperty("clusterId").GetString());
        Assert.Equal("cng_1", lines[0].GetProperty("computeNodeGroupId").GetString());
        Assert.False(lines[1].TryGetProperty("computeNodeGroupId", out _));
        Assert.Equal("pcs_abc123", lines[1].GetProperty("clusterId").GetString());
        Assert.False(lines[2].TryGetProperty("clusterId", out _));
    }

    [Fact]
    public void LogError_WithException_AddsErrorFields()
    {
        var logger = new JsonLambdaLogger(output, time, LogLevel.Information);

        logger.LogError("rotation failed", new InvalidOperationException("secret is rotating"));

        var line = Assert.Single(Lines());
        Assert.Equal("InvalidOperationException", line.GetProperty("errorType").GetString());
        Assert.Equal("secret is rotating", line.GetProperty("errorMessage").GetString());
        Assert.Equal(JsonValueKind.Array, line.GetProperty("stackTrace").ValueKind);
    }

    [Theory]
    [InlineData(null, LogLevel.Information)]
    [InlineData("debug", LogLevel.Debug)]
    [InlineData("FATAL", LogLevel.Critical)]
    [InlineData("TRACE", LogLevel.Trace)]
    public void Parse_LambdaLevelName_GivesLevel(string? value, LogLevel expected) =>
        Assert.Equal(expected, LogLevels.Parse(value));

    [Fact]
    public void Parse_UnknownLevel_FailsNamingTheVariable()
    {
        var e = Assert.Throws<ArgumentException>(() => LogLevels.Parse("VERBOSE"));
        Assert.Contains("AWS_LAMBDA_LOG_LEVEL", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => output.Dispose();
}
