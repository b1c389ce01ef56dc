using System.Text.Json.Nodes;
using PcsAutomation.Cli.CapacityBlocks;
using PcsAutomation.Domain.CapacityBlocks;
using static PcsAutomation.Cli.Tests.CapacityBlocks.CapacitySamples;

namespace PcsAutomation.Cli.Tests.CapacityBlocks;

public class CapacityListJsonTests
{
    private static readonly JsonNode Json = JsonNode.Parse(CapacityListJson.Render(CapacityListing.Build(Account(), Now, new CapacityBlockExpiryOptions(), CapacityListingTests.Defaults)))!;

    private static JsonNode Block(string id) => Json["blocks"]!.AsArray().Single(b => b!["reservationId"]!.GetValue<string>() == id)!;

    [Fact]
    public void Render_Block_DatesTimeLeftAndTimingForScripts()
    {
        var a = Block(A);

        Assert.Equal("2026-01-05T08:00:00Z", Json["now"]!.GetValue<string>());
        Assert.Equal(90, Json["leadMinutes"]!.GetValue<int>());
        Assert.True(a["known"]!.GetValue<bool>());
        Assert.Equal("2026-01-05T11:00:00Z", a["endDate"]!.GetValue<string>());
        Assert.Equal(3 * 3600, a["timeLeftSeconds"]!.GetValue<long>());
        Assert.Equal("2026-01-05T10:20:00Z", a["expirationWarningAt"]!.GetValue<string>());
        Assert.Equal("2026-01-05T10:30:00Z", a["terminationAt"]!.GetValue<string>());
        Assert.Equal("2026-01-05T10:15:00Z", a["deadline"]!.GetValue<string>());
        Assert.Equal("2026-01-05T09:30:00Z", a["actionStartsAt"]!.GetValue<string>());
        Assert.False(a["leadRaised"]!.GetValue<bool>());
        Assert.True(a["planned"]!.GetValue<bool>());
    }

    [Fact]
    public void Render_Groups_ActionReasonAndStepsLeft()
    {
        var gpuB = Assert.Single(Block(B)["nodeGroups"]!.AsArray())!;

        Assert.Equal("failover", gpuB["action"]!.GetValue<string>());
        Assert.Equal("pcs_gpu-b-fallback", gpuB["replacementNodeGroupId"]!.GetValue<string>());
        Assert.Equal(["update-queues", "scale-to-zero"], gpuB["remaining"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(["launch-template"], gpuB["sources"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.True(gpuB["actedOn"]!.GetValue<bool>());
        Assert.Null(gpuB["leftAlone"]);
        var lab = Assert.Single(Block(E)["nodeGroups"]!.AsArray())!;
        Assert.False(lab["actedOn"]!.GetValue<bool>());
        Assert.StartsWith("not tagged pcs-automation:managed=true", lab["leftAlone"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Findings_CodeAndNeedsOperator()
    {
        var waiting = Block(D)["findings"]!.AsArray().Single(f => f!["code"]!.GetValue<string>() == FindingCodes.QueueLeftWaiting)!;

        Assert.True(waiting["needsOperator"]!.GetValue<bool>());
        Assert.Equal("pcs_q-gpu-d", waiting["queueId"]!.GetValue<string>());
    }

    [Fact]
    public void Render_UnknownAndEnded_NullsNotMissingMembers()
    {
        var unknown = Block(Unknown).AsObject();
        var ended = Block(Ended);

        Assert.False(unknown["known"]!.GetValue<bool>());
        Assert.True(unknown.ContainsKey("endDate"));
        Assert.Null(unknown["endDate"]);
        Assert.Null(unknown["timeLeftSeconds"]);
        Assert.Equal(-2 * 3600, ended["timeLeftSeconds"]!.GetValue<long>());
        Assert.False(ended["planned"]!.GetValue<bool>());
        Assert.Equal("gpu-i", Assert.Single(Json["interruptible"]!.AsArray())!["nodeGroupName"]!.GetValue<string>());
    }
}
