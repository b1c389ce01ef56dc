using System.Globalization;
using System.Text.Json.Nodes;
using PcsAutomation.Cli.Monitoring;
using PcsAutomation.Cli.Workflows;
using PcsAutomation.Domain.CapacityBlocks;

namespace PcsAutomation.Cli.CapacityBlocks;

/// <summary>
/// One cluster's part of an expiry as its last notification tells it (the report's Succeeded or NeedsOperator, which
/// the workflow makes from a re-read after its actions, so it says what AWS shows): when, each group's action and
/// whether it is done or what is left, each queue's list before → after, the scaling saved for the groups parked, the
/// findings only a person can fix, and the failure.
/// </summary>
/// <param name="NodeGroupNames">The groups the expiry acted on and those it put in their place, and the queues it changed: what Slurm's view shows.</param>
public sealed record ClusterReport(
    string ClusterId,
    string ClusterName,
    string Event,
    DateTimeOffset At,
    IReadOnlyList<string> Groups,
    IReadOnlyList<string> Queues,
    IReadOnlyList<string> Parked,
    IReadOnlyList<string> Alerts,
    string? Failure,
    IReadOnlyList<string> NodeGroupNames,
    IReadOnlyList<string> QueueNames)
{
    public static ClusterReport From(PreparedNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var detail = notification.Detail;
        var failure = detail["failure"] as JsonObject;
        var groups = Objects(detail["groups"]).ToList();
        return new ClusterReport(
            WorkflowJson.Text(detail["clusterId"]) ?? "(unknown)",
            WorkflowJson.Text(detail["clusterName"]) ?? WorkflowJson.Text(detail["clusterId"]) ?? "(unknown)",
            notification.Event,
            notification.At,
            groups.Select(Group).ToList(),
            Objects(detail["queues"]).Select(Queue).ToList(),
            Objects(detail["parked"]).Select(p => string.Create(CultureInfo.InvariantCulture,
                $"{WorkflowJson.Text(p["nodeGroupName"])}: min {Number(p["minInstanceCount"])} max {Number(p["maxInstanceCount"])} saved, at 0/0 now")).ToList(),
            Objects(detail["findings"]).Where(f => WorkflowJson.Bool(f["needsOperator"]) == true).Select(f => WorkflowJson.Text(f["message"]) ?? "(no message)").ToList(),
            failure is null ? null : $"{WorkflowJson.Text(failure["error"]) ?? "(no error)"}: {WorkflowJson.Text(failure["cause"]) ?? "(no cause)"}",
            [.. groups.SelectMany(g => new[] { WorkflowJson.Text(g["nodeGroupName"]), WorkflowJson.Text(g["replacementNodeGroupName"]) }).OfType<string>().Distinct(StringComparer.Ordinal)],
            [.. Objects(detail["queues"]).Select(q => WorkflowJson.Text(q["queueName"])).OfType<string>()]);
    }

    /// <summary>"gpu-b: failover to gpu-b-fallback: done", "gpu-a: successor-block to cr-…: left update-node-group-launch-template".</summary>
    private static string Group(JsonObject group)
    {
        var to = WorkflowJson.Text(group["successorReservationId"]) ?? WorkflowJson.Text(group["replacementNodeGroupName"]);
        var remaining = WorkflowJson.Strings(group["remaining"]);
        return $"{WorkflowJson.Text(group["nodeGroupName"])}: {WorkflowJson.Text(group["action"])}{(to is null ? "" : $" to {to}")}: {(remaining.Count == 0 ? "done" : $"left {string.Join(", ", remaining)}")}";
    }

    /// <summary>"queue gpu-c: gpu-c, cpu → cpu (done)".</summary>
    private static string Queue(JsonObject queue) =>
        $"queue {WorkflowJson.Text(queue["queueName"])}: {string.Join(", ", WorkflowJson.Strings(queue["before"]))} → {string.Join(", ", WorkflowJson.Strings(queue["after"]))} ({(WorkflowJson.Bool(queue["done"]) == true ? "done" : "NOT done")})";

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node is JsonArray array ? array.OfType<JsonObject>() : [];

    private static string Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<int>(out var n) ? n.ToString(CultureInfo.InvariantCulture) : "?";
}

/// <summary>
/// What the expiry's summary says, from how the execution ended (pure): the block and its times, each cluster's report
/// (its last notification), the outcome when the run had nothing to do (superseded by a paid extension, nothing due),
/// the clusters left alone, and the failure.
/// </summary>
public sealed record ExpirySummary(
    string ExecutionArn,
    string Status,
    TimeSpan Duration,
    CapacityReservationFacts Block,
    ExpiryTiming Timing,
    IReadOnlyList<ClusterReport> Clusters,
    string? Outcome,
    IReadOnlyList<string> LeftAlone,
    ExecutionFailure Failure)
{
    public bool Succeeded => Status == "SUCCEEDED";

    /// <param name="block">The block as read before the start (its end date named the execution).</param>
    public static ExpirySummary From(ExecutionResult result, CapacityReservationFacts block)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(block);
        var output = WorkflowJson.Parse(result.Output);
        var clusters = (result.Notifications ?? [])
            .GroupBy(n => WorkflowJson.Text(n.Detail["clusterId"]) ?? "", StringComparer.Ordinal)
            .Select(g => ClusterReport.From(g.Last()))
            .OrderBy(c => c.ClusterName, StringComparer.Ordinal)
            .ToList();
        // A run that ended without acting says why at its top level (superseded: a paid extension moved the end; nothing-due).
        var outcome = output?["outcome"] is JsonValue ? $"{WorkflowJson.Text(output["outcome"])}: {WorkflowJson.Text(output["reason"])}" : null;
        var skipped = output is null ? null : WorkflowJson.Find(output, "skipped") as JsonArray;
        return new ExpirySummary(result.ExecutionArn, result.Status, result.Duration, block,
            ExpiryTiming.For(block, ExpiryTiming.DefaultLead, ExpiryDurations.Overhead), clusters, outcome,
            [.. (skipped ?? []).OfType<JsonObject>().Select(s => $"{WorkflowJson.Text(s["clusterName"])}: {WorkflowJson.Text(s["reason"])}")],
            ExecutionFailure.From(result, output));
    }
}
