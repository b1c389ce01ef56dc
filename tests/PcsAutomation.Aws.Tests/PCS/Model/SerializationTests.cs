using System.Text.Json;
using PcsAutomation.Aws.PCS.Internal;
using PcsAutomation.Aws.PCS.Model;

namespace PcsAutomation.Aws.Tests.PCS.Model;

public class SerializationTests
{
    private const string SummaryJson = """
        {"name":"demo","id":"pcs_a","arn":"arn:a","createdAt":1732536000.125,"modifiedAt":1732536060,"status":"HIBERNATING"}
        """;

    [Fact]
    public void ClusterSummary_FractionalEpochSeconds_ReadsMilliseconds()
    {
        var summary = JsonSerializer.Deserialize(SummaryJson, PCSJsonContext.Default.ClusterSummary)!;

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_732_536_000_125), summary.CreatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_732_536_060), summary.ModifiedAt);
    }

    [Fact]
    public void ClusterSummary_RoundTrip_KeepsTimestampsAsEpochSecondsAndUnknownStatus()
    {
        var summary = JsonSerializer.Deserialize(SummaryJson, PCSJsonContext.Default.ClusterSummary)!;

        using var written = JsonDocument.Parse(JsonSerializer.Serialize(summary, PCSJsonContext.Default.ClusterSummary));

        Assert.Equal(1732536000.125m, written.RootElement.GetProperty("createdAt").GetDecimal());
        Assert.Equal("1732536060", written.RootElement.GetProperty("modifiedAt").GetRawText());
        Assert.Equal("HIBERNATING", written.RootElement.GetProperty("status").GetString());
        Assert.Equal("HIBERNATING", summary.Status.Value);
        Assert.DoesNotContain(summary.Status, ClusterStatus.KnownValues);
    }

    [Fact]
    public void ClusterStatus_KnownValue_ResolvesToStaticInstance()
    {
        var summary = JsonSerializer.Deserialize(SummaryJson.Replace("HIBERNATING", "ACTIVE", StringComparison.Ordinal), PCSJsonContext.Default.ClusterSummary)!;

        Assert.Same(ClusterStatus.ACTIVE, summary.Status);
        Assert.True(summary.Status == ClusterStatus.ACTIVE);
    }

    [Fact]
    public void ClusterSummary_MissingRequiredMember_Rejected()
    {
        var json = """{"name":"demo","id":"pcs_a","arn":"arn:a","createdAt":1,"modifiedAt":1}""";

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, PCSJsonContext.Default.ClusterSummary));

        Assert.Contains("status", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UpdateComputeNodeGroupRequest_Serialized_UsesModelNamesAndOmitsNulls()
    {
        var request = new UpdateComputeNodeGroupRequest
        {
            ClusterIdentifier = "pcs_a",
            ComputeNodeGroupIdentifier = "cng-1",
            ScalingConfiguration = new ScalingConfigurationRequest { MinInstanceCount = 0, MaxInstanceCount = 0 },
            ClientToken = "t",
        };

        var json = JsonSerializer.Serialize(request, PCSJsonContext.Default.UpdateComputeNodeGroupRequest);

        Assert.Equal(
            """{"clusterIdentifier":"pcs_a","computeNodeGroupIdentifier":"cng-1","scalingConfiguration":{"minInstanceCount":0,"maxInstanceCount":0},"clientToken":"t"}""",
            json);
    }
}
