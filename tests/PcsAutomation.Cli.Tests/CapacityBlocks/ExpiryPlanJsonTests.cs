using System.Text.Json.Nodes;
using PcsAutomation.Cli.CapacityBlocks;
using PcsAutomation.Functions.CapacityBlocks;
using static PcsAutomation.Cli.Tests.CapacityBlocks.CapacitySamples;

namespace PcsAutomation.Cli.Tests.CapacityBlocks;

public class ExpiryPlanJsonTests
{
    private static JsonNode Render(string id, TimeSpan? lead = null, IReadOnlyList<ClusterSkip>? leftAlone = null) =>
        JsonNode.Parse(ExpiryPlanJson.Render(ExpiryPlanTextTests.PlanOf(id, lead: lead), ExpiryPlanTextTests.Names(), leftAlone ?? []))!;

    [Fact]
    public void Render_WindDown_ThePlanCamelCaseWithQueueEditsAndParkedScaling()
    {
        var json = Render(C);

        Assert.Equal(C, json["reservationId"]!.GetValue<string>());
        Assert.Equal("2026-01-05T08:00:00Z", json["now"]!.GetValue<string>());
        Assert.False(json["complete"]!.GetValue<bool>());
        Assert.False(json["needsOperator"]!.GetValue<bool>());
        Assert.Equal("gpu-c", json["nodeGroupNames"]!["pcs_gpu-c"]!.GetValue<string>());
        var cluster = Assert.Single(json["plan"]!["clusters"]!.AsArray())!;
        var edit = Assert.Single(cluster["queueEdits"]!.AsArray())!;
        Assert.Equal(["pcs_gpu-c", "pcs_cpu"], edit["before"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal(["pcs_cpu"], edit["after"]!.AsArray().Select(g => g!.GetValue<string>()));
        var parked = Assert.Single(cluster["parked"]!.AsArray())!;
        Assert.Equal(2, parked["savedScaling"]!["maxInstanceCount"]!.GetValue<int>());
        Assert.Equal("wind-down", cluster["groups"]![0]!["action"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.Parse("2026-01-05T11:30:00Z", System.Globalization.CultureInfo.InvariantCulture),
            json["plan"]!["timing"]!["actionStartsAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public void Render_QueueLeftWaiting_NeedsOperatorTrue()
    {
        var json = Render(D);

        Assert.True(json["needsOperator"]!.GetValue<bool>());
        Assert.Contains(json["plan"]!["findings"]!.AsArray(), f => f!["code"]!.GetValue<string>() == "queue-left-waiting");
    }

    [Fact]
    public void Render_ShortLead_LeadRaisedAndTheRequestedLead()
    {
        var json = Render(C, TimeSpan.FromMinutes(1));

        Assert.True(json["leadRaised"]!.GetValue<bool>());
        Assert.Equal(1, json["leadMinutes"]!.GetValue<int>());
    }

    [Fact]
    public void Render_ClusterLeftAlone_ListedWithItsReason()
    {
        var json = Render(E, leftAlone: [new ClusterSkip(LabId, "lab", "not tagged pcs-automation:managed=true")]);

        var skip = Assert.Single(json["leftAlone"]!.AsArray())!;
        Assert.Equal(LabId, skip["clusterId"]!.GetValue<string>());
        Assert.Equal("not tagged pcs-automation:managed=true", skip["reason"]!.GetValue<string>());
        Assert.Empty(Render(C)["leftAlone"]!.AsArray());
    }
}
