using System.Text.Json.Nodes;
using PcsAutomation.Cli.Workflows;
using PcsAutomation.Domain.NodeGroups;

namespace PcsAutomation.Cli.Rotation;

/// <summary>
/// What the operator reads at the end: status, duration, node groups with the min/max the workflow restored (or, for a
/// dry run, would save), the new secret version id and whether the cluster confirmed it, or the error and its cause;
/// for a dry run the plan. Ids only: nothing here can hold a secret value (the workflow output and notifications carry
/// none, and only named members are read).
/// </summary>
/// <param name="NodeGroups">Dry run: the plan's groups (what would be saved). Otherwise the saved scaling the execution's
/// last notification reported from the lease (the one record the restore uses), or none when it reported none.</param>
public sealed record RotationSummary(
    string ExecutionArn,
    string Status,
    TimeSpan Duration,
    bool DryRun,
    string? ClusterId,
    string? ClusterName,
    IReadOnlyList<NodeGroupScaling> NodeGroups,
    string? PreviousSecretVersionId,
    string? NewSecretVersionId,
    IReadOnlyList<string> InstancesToStop,
    IReadOnlyList<string> LoginInstances,
    TimeSpan? ExpectedDowntime,
    string? Error,
    string? Cause)
{
    /// <summary>The notified event (Succeeded, Failed, NeedsOperator...) the capacity facts come from, or null.</summary>
    public string? NotifiedEvent { get; init; }

    /// <summary>True: <see cref="NodeGroups"/> were verified restored; false: they were not (restore them by hand); null: not reported.</summary>
    public bool? ScalingRestored { get; init; }

    /// <summary>The AWS CLI commands that restore <see cref="NodeGroups"/> by hand, when they were not restored.</summary>
    public IReadOnlyList<string> RestoreCommands { get; init; } = [];

    /// <summary>True when the execution failed before saving any scaling: no node group was changed.</summary>
    public bool NodeGroupsUnchanged { get; init; }

    /// <summary>CheckSecretRotation's verdict: SUCCEEDED, or ROTATED_UNCONFIRMED (the cluster reports another version).</summary>
    public string? Verification { get; init; }

    /// <summary>The secret version the cluster reported (GetCluster's authKey.secretVersion) when it was checked.</summary>
    public string? ClusterSecretVersion { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The job policy the execution applied (<c>reserve</c>, <c>drain</c>, <c>requeue</c>) after what the Slurm REST API allows, or null when the output has none.</summary>
    public string? JobPolicy { get; init; }

    /// <summary>Why the policy fell back to requeue (REST disabled, no VPC configuration, unreachable...), or null.</summary>
    public string? JobPolicyFallback { get; init; }

    /// <summary>The job protection plan's sentences (a dry run shows them).</summary>
    public IReadOnlyList<string> JobLines { get; init; } = [];

    public bool Succeeded => Status == "SUCCEEDED";

    /// <summary>
    /// Reads the workflow output by member name, wherever the state machine put it: the plan (<c>plan</c>, or the output
    /// itself when it has <c>nodeGroups</c>) and the new secret version (a <c>currentVersionId</c> other than the plan's);
    /// and the execution's last notification for what happened to capacity. A rotation's plan is read before the
    /// scale-down and may show a dead run's 0/0, so only a dry run takes its node groups from the plan.
    /// </summary>
    public static RotationSummary From(ExecutionResult result, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(result);
        var output = WorkflowJson.Parse(result.Output);
        var plan = output is null ? null
            : output["nodeGroups"] is JsonArray ? output
            : WorkflowJson.Find(output, "plan") as JsonObject;
        var notified = dryRun ? null : result.Notification;
        var previous = Text(plan?["currentVersionId"]) ?? Text(notified?["previousVersionId"]);
        var saved = notified?["savedScaling"] as JsonArray;
        var groups = dryRun ? Scalings(plan?["nodeGroups"] as JsonArray) : Scalings(saved);
        var newVersion = dryRun ? null
            : Text(notified?["currentVersionId"]) is { } notifiedVersion && notifiedVersion != previous ? notifiedVersion
            : output is null ? null
            : WorkflowJson.All(output, "currentVersionId").Select(Text).FirstOrDefault(v => v is not null && v != previous);
        var failure = ExecutionFailure.From(result, output);
        var downtime = plan?["expectedDowntimeSeconds"] is JsonValue seconds && seconds.TryGetValue<long>(out var s) ? TimeSpan.FromSeconds(s) : (TimeSpan?)null;
        var notifiedEvent = Text(notified?["event"]);
        // The dry run reports the job protection plan as `jobProtection`; a run carries it as `jobs` (PlanJobProtection's result).
        var jobs = (output?["jobProtection"] ?? output?["jobs"]) as JsonObject;
        return new RotationSummary(
            result.ExecutionArn,
            result.Status,
            result.Duration,
            dryRun,
            Text(plan?["clusterId"]) ?? Text(notified?["clusterId"]),
            Text(plan?["clusterName"]) ?? Text(notified?["clusterName"]),
            groups,
            previous,
            newVersion,
            Strings(plan?["instancesUp"] as JsonArray),
            Strings(plan?["loginInstances"] as JsonArray),
            downtime,
            failure.Error,
            failure.Cause)
        {
            NotifiedEvent = notifiedEvent,
            ScalingRestored = saved is null ? null : notified?["scalingRestored"] is JsonValue restored && restored.TryGetValue<bool>(out var r) ? r : null,
            RestoreCommands = Strings(notified?["restoreCommands"] as JsonArray),
            // A Failed notification without saved scaling: the lease never held any for this execution.
            NodeGroupsUnchanged = notifiedEvent == "Failed" && saved is null,
            Verification = Text(notified?["verification"]),
            ClusterSecretVersion = Text(notified?["clusterSecretVersion"]),
            Warnings = Strings((notified?["warnings"] ?? plan?["warnings"]) as JsonArray),
            JobPolicy = Text(jobs?["effectivePolicy"]),
            JobPolicyFallback = Text(jobs?["fallbackReason"]),
            JobLines = Strings(jobs?["lines"] as JsonArray),
        };
    }

    private static string? Text(JsonNode? node) => WorkflowJson.Text(node);

    private static IReadOnlyList<string> Strings(JsonArray? array) => WorkflowJson.Strings(array);

    private static IReadOnlyList<NodeGroupScaling> Scalings(JsonArray? array) =>
        array is null ? [] : [.. array.OfType<JsonObject>().Select(Scaling).OfType<NodeGroupScaling>()];

    private static NodeGroupScaling? Scaling(JsonObject o) =>
        Text(o["nodeGroupId"]) is { } id && o["minInstanceCount"] is JsonValue min && min.TryGetValue<int>(out var minValue)
            && o["maxInstanceCount"] is JsonValue max && max.TryGetValue<int>(out var maxValue)
            ? new NodeGroupScaling(id, Text(o["nodeGroupName"]) ?? id, minValue, maxValue)
            : null;
}
