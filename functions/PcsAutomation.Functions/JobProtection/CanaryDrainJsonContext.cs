using System.Text.Json.Serialization;
using PcsAutomation.Lambda.Serialization;
using PcsAutomation.Domain.JobProtection;

namespace PcsAutomation.Functions.JobProtection;

/// <summary>The roll-out's canary as its plan names it (<c>$.plan.canary</c>; null when nothing is to be updated).</summary>
public sealed record CanaryGroup(string? NodeGroupId, string? NodeGroupName);

/// <summary>
/// DrainCanaryNodes' input. Without <paramref name="Apply"/>: the plan only (the roll-out's plan and dry run). With it,
/// once the canary's update is applied: drain its nodes when <paramref name="Action"/> (the plan's) is <c>drain</c>.
/// </summary>
public sealed record DrainCanaryNodesInput(string? ClusterId, string? ExecutionArn, CanaryGroup? Canary, bool? Apply, string? Action = null);

/// <summary>
/// The roll-out's job protection record (<c>$.jobs</c> for the plan, <c>$.canaryJobs.drain</c> once applied): the plan's
/// fields and lines, and what was done. <see cref="Problems"/>: what could not be done (the roll-out goes on, the
/// notifications say it).
/// </summary>
public sealed record CanaryDrainStep(
    string ClusterId,
    string? Canary,
    string Action,
    string? RequestedPolicy,
    string? EffectivePolicy,
    string? FallbackReason,
    string? DrainReason,
    bool Applied,
    IReadOnlyList<string> DrainedNodes,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Lines,
    JobProtectionPlan? Plan);

/// <summary>ResumeCanaryNodes' input: the action the drain step took (<c>drain</c> or <c>requeue</c>).</summary>
public sealed record ResumeCanaryNodesInput(string? ClusterId, string? ExecutionArn, string? Action);

/// <summary>The nodes resumed, and what is left for an operator (it never fails the roll-out).</summary>
public sealed record ResumeCanaryNodesResult(IReadOnlyList<string> ResumedNodes, IReadOnlyList<string> Problems);

/// <summary>Source-generated camelCase JSON for the canary drain steps (Native AOT: no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(DrainCanaryNodesInput))]
[JsonSerializable(typeof(CanaryDrainStep))]
[JsonSerializable(typeof(ResumeCanaryNodesInput))]
[JsonSerializable(typeof(ResumeCanaryNodesResult))]
internal sealed partial class CanaryDrainJsonContext : JsonSerializerContext
{
    private static CanaryDrainJsonContext? strict;

    /// <summary>The instance to use: <see cref="LambdaJson.StrictOptions"/> (no default encoder at start-up; the same bytes).</summary>
    public static CanaryDrainJsonContext Strict => strict ??= new(LambdaJson.StrictOptions(Default.GeneratedSerializerOptions));
}
