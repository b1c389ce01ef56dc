using System.Text.Json.Nodes;
using PcsAutomation.Cli.Workflows;
using PcsAutomation.Domain.NodeGroupUpdate;

namespace PcsAutomation.Cli.NodeGroupUpdate;

/// <summary>
/// The roll-out state machine's input from a <see cref="RolloutRequest"/>: checked first by the workflow's own rules
/// (<see cref="NodeGroupUpdateRequest.Validate"/>: one target, an AMI id's form, a version number, batch size 1-10, the
/// canary among the groups named...), each problem a usage error naming the option. Options not given are left out,
/// so the workflow's defaults apply.
/// </summary>
public static class RolloutInput
{
    /// <summary>The input JSON: <c>{"clusterId", "target", "nodeGroups"?, "canary"?, "batchSize"?, "replacement"?, "dryRun"}</c>.</summary>
    public static JsonObject Build(RolloutRequest request, string clusterId, UpdateTargetText target)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(target);
        Check(request, clusterId, target);
        var input = new JsonObject { ["clusterId"] = clusterId, ["target"] = Target(target) };
        if (request.NodeGroups is { } groups) input["nodeGroups"] = new JsonArray([.. groups.Select(g => (JsonNode)g.Trim())]);
        if (request.Canary is { } canary) input["canary"] = canary.Trim();
        if (request.BatchSize is { } batch) input["batchSize"] = batch;
        if (request.Replacement is { } replacement) input["replacement"] = replacement;
        input["dryRun"] = request.DryRun;
        return input;
    }

    /// <summary>
    /// The checks that need neither the cluster nor its tags, before any call: the options' own form (a target named by
    /// an option is checked as given; without one, the tag's channel is checked once read, by <see cref="Build"/>).
    /// </summary>
    public static void Precheck(RolloutRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = request.HasTarget
            ? new UpdateTargetText(request.TargetChannel, request.Owner, request.AmiId, request.LaunchTemplateVersion)
            : new UpdateTargetText("sample", null, null, null);
        Check(request, request.Cluster, target);
    }

    /// <summary>"a dry run of the roll-out of pcs_… to channel sample", "a roll-out of pcs_… to amiId ami-…".</summary>
    public static string Describe(JsonObject input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var what = WorkflowJson.Bool(input["dryRun"]) == true ? "a dry run of the roll-out" : "a roll-out";
        return $"{what} of {WorkflowJson.Text(input["clusterId"]) ?? "(no cluster)"} to {DescribeTarget(input["target"] as JsonObject)}";
    }

    /// <summary>"channel sample", "channel custom:team-* (owner self)", "amiId ami-…", "launch template version 7".</summary>
    public static string DescribeTarget(JsonObject? target) =>
        WorkflowJson.Text(target?["channel"]) is { } channel
            ? WorkflowJson.Text(target?["owner"]) is { } owner ? $"channel {channel} (owner {owner})" : $"channel {channel}"
        : WorkflowJson.Text(target?["amiId"]) is { } ami ? $"amiId {ami}"
        : WorkflowJson.Text(target?["launchTemplateVersion"]) is { } version ? $"launch template version {version}"
        : "(no target)";

    public static JsonObject Target(UpdateTargetText target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var json = new JsonObject();
        if (target.Channel is not null) json["channel"] = target.Channel;
        if (target.Owner is not null) json["owner"] = target.Owner;
        if (target.AmiId is not null) json["amiId"] = target.AmiId;
        if (target.LaunchTemplateVersion is not null) json["launchTemplateVersion"] = target.LaunchTemplateVersion;
        return json;
    }

    private static void Check(RolloutRequest request, string clusterId, UpdateTargetText target)
    {
        try
        {
            NodeGroupUpdateRequest.Validate(clusterId, target, request.NodeGroups, request.Canary, request.BatchSize, request.Replacement, request.DryRun);
        }
        catch (NodeGroupUpdateInputException e)
        {
            var message = e.Message.StartsWith(e.Field + ": ", StringComparison.Ordinal) ? e.Message[(e.Field.Length + 2)..] : e.Message;
            // "--batch-size is 0: ...", "--target-channel: AMI channel 'x' is not ..."
            throw new CliException(message.Length > 0 && char.IsLower(message[0]) ? $"{Option(e.Field)} {message}" : $"{Option(e.Field)}: {message}");
        }
    }

    /// <summary>The CLI option behind an input field of the workflow.</summary>
    public static string Option(string field) => field switch
    {
        "clusterId" => "--cluster",
        "target" => "the target (--target-channel, --ami-id or --launch-template-version)",
        "target.channel" => "--target-channel",
        "target.owner" => "--owner",
        "target.amiId" => "--ami-id",
        "target.launchTemplateVersion" => "--launch-template-version",
        "nodeGroups" => "--node-groups",
        "canary" => "--canary",
        "batchSize" => "--batch-size",
        "replacement" => "--replacement",
        _ => field,
    };
}
