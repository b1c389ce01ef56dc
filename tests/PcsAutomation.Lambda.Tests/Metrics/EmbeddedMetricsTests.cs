using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PcsAutomation.Lambda.Metrics;

namespace PcsAutomation.Lambda.Tests.Metrics;

public sealed class EmbeddedMetricsTests : IDisposable
{
    private readonly FakeTimeProvider time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_767_225_600_123));
    private readonly StringWriter output = new();

    [Fact]
    public void Emit_OneRecord_HasEmfMetadataAndValuesAtTopLevel()
    {
        var metrics = new EmbeddedMetrics(output, time);

        metrics.Emit(
            "PcsAutomation",
            new Dictionary<string, string> { ["FunctionName"] = "scale-down", ["ClusterId"] = "pcs_abc" },
            [new MetricDatum("NodeGroupsScaled", 3, MetricUnit.Count), new MetricDatum("WaitDuration", 1500, MetricUnit.Milliseconds)]);

        var record = JsonDocument.Parse(output.ToString()).RootElement;
        var aws = record.GetProperty("_aws");
        Assert.Equal(1_767_225_600_123, aws.GetProperty("Timestamp").GetInt64());
        var directive = Assert.Single(aws.GetProperty("CloudWatchMetrics").EnumerateArray());
        Assert.Equal("PcsAutomation", directive.GetProperty("Namespace").GetString());
        var dimensionSet = Assert.Single(directive.GetProperty("Dimensions").EnumerateArray());
        Assert.Equal(["FunctionName", "ClusterId"], dimensionSet.EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(
            [("NodeGroupsScaled", "Count"), ("WaitDuration", "Milliseconds")],
            directive.GetProperty("Metrics").EnumerateArray().Select(m => (m.GetProperty("Name").GetString(), m.GetProperty("Unit").GetString())));
        Assert.Equal("pcs_abc", record.GetProperty("ClusterId").GetString());
        Assert.Equal(3, record.GetProperty("NodeGroupsScaled").GetDouble());
        Assert.Equal(1500, record.GetProperty("WaitDuration").GetDouble());
    }

    [Fact]
    public void Emit_MetricNamedLikeADimension_IsRejected()
    {
        var metrics = new EmbeddedMetrics(output, time);

        Assert.Throws<ArgumentException>(() => metrics.Emit(
            "PcsAutomation",
            new Dictionary<string, string> { ["ClusterId"] = "pcs_abc" },
            [new MetricDatum("ClusterId", 1, MetricUnit.None)]));
        Assert.Empty(output.ToString());
    }

    [Fact]
    public void Emit_NoMetric_IsRejected() =>
        Assert.Throws<ArgumentException>(() => new EmbeddedMetrics(output, time).Emit("PcsAutomation", new Dictionary<string, string>(), []));

    public void Dispose() => output.Dispose();
}
