using System.Text.Json;
using System.Text.Json.Nodes;
using PcsAutomation.Domain.NodeGroupUpdate;

namespace PcsAutomation.Cli.Tests.NodeGroupUpdate;

/// <summary>Roll-out plans and changes as the workflow writes them, for the CLI's readers and renderers.</summary>
internal static class SamplePlan
{
    public const string ClusterId = "pcs_abc1234567";
    public const string OldImage = "ami-0aaaaaaaaaaaaaaa1";
    public const string NewImage = "ami-0123456789abcdef0";

    // What the product's handlers write: camelCase, nulls included (NodeGroupUpdateJsonContext's options).
    public static readonly JsonSerializerOptions Product = new(JsonSerializerDefaults.Web);

    public static PlannedGroupUpdate Group(string id, string name, bool login = false, int running = 0, string? amiId = null) => new(
        id, name,
        amiId is null ? ImageChanges.NewLaunchTemplateVersion : ImageChanges.AmiId,
        amiId ?? "1",
        amiId is null ? $"new version from 1 with ImageId {NewImage}" : NewImage,
        amiId ?? OldImage, NewImage, NewImage, null, $"lt-0{name.Length}aaaaaaaaaaaaaaa", login, running,
        UpdateDisruption.For(login, running, amiId is null ? ImageChanges.NewLaunchTemplateVersion : ImageChanges.AmiId, "lt-0", 1),
        []);

    /// <summary>demo's groups: compute-1 (2 running, the canary), then login, then gpu; "old" skipped.</summary>
    public static NodeGroupUpdatePlan Demo(bool dryRun = true) => new(
        ClusterId, "demo", "25.05", "channel sample", "verified", dryRun, 1,
        Group("pcs_ng2", "compute-1", running: 2),
        "chosen: the compute group (not a login group, guide L3884) with the fewest running instances, at least one, so the new image is verified on a real node (guide L5923-5925)",
        [Group("pcs_ng3", "gpu"), Group("pcs_ng1", "login", login: true, running: 1)],
        [["pcs_ng3"], ["pcs_ng1"]],
        [new SkippedGroup("pcs_ng4", "old", "already on the target (amiId ami-0123456789abcdef0)")],
        [],
        ["compute-1: sample AMIs are for demonstration only (guide L5522-5524)"]);

    public static JsonNode Json(NodeGroupUpdatePlan plan) => JsonSerializer.SerializeToNode(plan, Product)!;

    public static NodeGroupChange Change(string id, string name, string? amiId = null, string version = "1") =>
        new(new NodeGroupImage(id, name, amiId, $"lt-0{name.Length}aaaaaaaaaaaaaaa", version), amiId is null ? ImageChanges.NewLaunchTemplateVersion : ImageChanges.AmiId,
            NewImage, null, NewImage, new DateTimeOffset(2026, 1, 5, 8, 1, 0, TimeSpan.Zero));

    public static JsonNode Json(IReadOnlyList<NodeGroupChange> changes) => JsonSerializer.SerializeToNode(changes, Product)!;
}
