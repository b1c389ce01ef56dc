using System.Text.Json;
using System.Text.Json.Nodes;
using PcsAutomation.Cli.Monitoring;
using PcsAutomation.Domain.NodeGroups;

namespace PcsAutomation.Cli.Rotation;

/// <summary>How an execution ended, as DescribeExecution tells it (the pure input of <see cref="RotationSummary.From"/>).</summary>
public sealed record ExecutionResult(
    string ExecutionArn,
    string Status,
    DateTimeOffset StartDate,
    DateTimeOffset? StopDate,
    string? Output,
    string? Error,
    string? Cause);

/// <summary>
/// What the operator reads at the end: status, duration, node groups with the min/max the workflow restored (or, for a
/// dry run, would save), the new secret version id, or the error and its cause; for a dry run the plan. Ids only:
/// nothing here can hold a secret value (the workflow output carries none, and only named members are read).
/// </summary>
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
    // A Catch with ResultPath $.failure stores the States error object: {"Error": ..., "Cause": ...}.
    private const string CatchErrorMember = "Error";
    private const string CatchCauseMember = "Cause";

    public bool Succeeded => Status == "SUCCEEDED";

    /// <summary>
    /// Reads the workflow output by member name, wherever the state machine put it: the plan (<c>plan</c>, or the output
    /// itself when it has <c>nodeGroups</c>), the saved scaling (<c>savedScaling</c>, else the plan's groups), and the new
    /// secret version (a <c>currentVersionId</c> other than the plan's).
    /// </summary>
    public static RotationSummary From(ExecutionResult result, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(result);
        var output = Parse(result.Output);
        var plan = output is null ? null
            : output["nodeGroups"] is JsonArray ? output
            : Find(output, "plan") as JsonObject;
        var previous = Text(plan?["currentVersionId"]);
        var groups = Scalings(output is null ? null : Find(output, "savedScaling") as JsonArray) is { Count: > 0 } saved
            ? saved
            : Scalings(plan?["nodeGroups"] as JsonArray);
        var newVersion = output is null || dryRun ? null
            : All(output, "currentVersionId").Select(Text).FirstOrDefault(v => v is not null && v != previous);
        var failure = output is null ? null : Find(output, "failure") as JsonObject;
        var error = result.Error ?? Text(failure?[CatchErrorMember]);
        var cause = CauseText.Message(result.Cause ?? Text(failure?[CatchCauseMember]));
        var downtime = plan?["expectedDowntimeSeconds"] is JsonValue seconds && seconds.TryGetValue<long>(out var s) ? TimeSpan.FromSeconds(s) : (TimeSpan?)null;
        return new RotationSummary(
            result.ExecutionArn,
            result.Status,
            (result.StopDate ?? result.StartDate) - result.StartDate,
            dryRun,
            Text(plan?["clusterId"]),
            Text(plan?["clusterName"]),
            groups,
            previous,
            newVersion,
            Strings(plan?["instancesUp"] as JsonArray),
            Strings(plan?["loginInstances"] as JsonArray),
            downtime,
            result.Status == "SUCCEEDED" ? null : error ?? result.Status,
            result.Status == "SUCCEEDED" ? null : cause);
    }

    private static JsonObject? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The first member named <paramref name="name"/>, breadth first (the shallowest wins).</summary>
    private static JsonNode? Find(JsonNode root, string name) => All(root, name).FirstOrDefault();

    private static IEnumerable<JsonNode?> All(JsonNode root, string name)
    {
        var queue = new Queue<JsonNode>([root]);
        while (queue.TryDequeue(out var node))
        {
            if (node is JsonObject o)
            {
                foreach (var (key, value) in o)
                {
                    if (key == name) yield return value;
                    if (value is not null) queue.Enqueue(value);
                }
            }
            else if (node is JsonArray a)
            {
                foreach (var item in a)
                    if (item is not null) queue.Enqueue(item);
            }
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    private static IReadOnlyList<string> Strings(JsonArray? array) =>
        array is null ? [] : [.. array.Select(Text).OfType<string>()];

    private static IReadOnlyList<NodeGroupScaling> Scalings(JsonArray? array) =>
        array is null ? [] : [.. array.OfType<JsonObject>().Select(Scaling).OfType<NodeGroupScaling>()];

    private static NodeGroupScaling? Scaling(JsonObject o) =>
        Text(o["nodeGroupId"]) is { } id && o["minInstanceCount"] is JsonValue min && min.TryGetValue<int>(out var minValue)
            && o["maxInstanceCount"] is JsonValue max && max.TryGetValue<int>(out var maxValue)
            ? new NodeGroupScaling(id, Text(o["nodeGroupName"]) ?? id, minValue, maxValue)
            : null;
}
