using System.Text.Json;
using System.Text.Json.Nodes;
using PcsAutomation.Cli.Workflows;
using PcsAutomation.Domain.NodeGroupUpdate;

namespace PcsAutomation.Cli.NodeGroupUpdate;

/// <summary>
/// <c>ami plan --output json</c>, for scripts: <c>cluster</c> (<c>id</c>, <c>name</c>), <c>target</c> (as sent to the
/// workflow) and <c>targetSource</c> (<c>option</c>, <c>tag</c>, <c>default</c>), <c>executionArn</c>, <c>status</c>,
/// <c>refused</c>, <c>error</c> and <c>reasons[]</c> (when refused), and <c>plan</c> (the workflow's
/// NodeGroupUpdatePlan, camelCase; null when refused). <c>jq '.plan.canary.nodeGroupName'</c> gives the canary.
/// </summary>
public static class PlanJsonOutput
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Render(RolloutStart start, ExecutionResult result, NodeGroupUpdatePlan? plan, ExecutionFailure failure)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(failure);
        var refused = !(result.Succeeded && plan is not null);
        var json = new JsonObject
        {
            ["cluster"] = new JsonObject { ["id"] = start.Cluster.Id, ["name"] = start.Cluster.Name },
            ["target"] = start.Input["target"]?.DeepClone(),
            ["targetSource"] = start.Source.Kind,
            ["executionArn"] = result.ExecutionArn,
            ["status"] = result.Status,
            ["refused"] = refused,
            ["error"] = refused ? failure.Error ?? "no plan in the output" : null,
            ["reasons"] = new JsonArray([.. RefusalReasons.From(failure.Cause).Select(r => (JsonNode)r)]),
            ["plan"] = plan is null ? null : JsonNode.Parse(RolloutJson.Write(plan)),
            // the job protection step's record as the workflow wrote it (policy, fallback reason, lines)
            ["jobs"] = WorkflowJson.Parse(result.Output)?["jobs"]?.DeepClone(),
        };
        return json.ToJsonString(Indented);
    }
}
