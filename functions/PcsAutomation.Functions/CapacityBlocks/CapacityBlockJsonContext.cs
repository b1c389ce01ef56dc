using System.Text.Json.Serialization;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.CapacityBlocks;

/// <summary>
/// Source-generated camelCase JSON (Native AOT) for the Capacity Block expiry's steps; nulls are written, so every path
/// the state machine reads exists; names are read in any case, since a caught error comes as <c>{"Error", "Cause"}</c>.
/// The shared steps use <see cref="Workflows.WorkflowJsonContext"/>.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(PlanCapacityBlockExpiryInput))]
[JsonSerializable(typeof(CapacityBlockExpiryPlan))]
[JsonSerializable(typeof(ExpiryLeaseWaitInput))]
[JsonSerializable(typeof(ExpiryLeaseWaitResult))]
[JsonSerializable(typeof(SwitchLaunchTemplatesInput))]
[JsonSerializable(typeof(SwitchLaunchTemplatesResult))]
[JsonSerializable(typeof(UpdateExpiryQueueInput))]
[JsonSerializable(typeof(UpdateExpiryQueueResult))]
[JsonSerializable(typeof(ParkNodeGroupsInput))]
[JsonSerializable(typeof(ParkNodeGroupsResult))]
[JsonSerializable(typeof(RestoreParkedNodeGroupsInput))]
[JsonSerializable(typeof(RestoreParkedNodeGroupsResult))]
[JsonSerializable(typeof(CheckCapacityBlockExpiryInput))]
[JsonSerializable(typeof(CheckCapacityBlockExpiryResult))]
[JsonSerializable(typeof(ReportCapacityBlockExpiryInput))]
[JsonSerializable(typeof(ReportCapacityBlockExpiryResult))]
[JsonSerializable(typeof(CapacityBlockNotificationFacts))]
internal sealed partial class CapacityBlockJsonContext : JsonSerializerContext
{
    private static CapacityBlockJsonContext? strict;

    /// <summary>The instance to use: <see cref="LambdaJson.StrictOptions"/> (no default encoder at start-up; the same bytes).</summary>
    public static CapacityBlockJsonContext Strict => strict ??= new(LambdaJson.StrictOptions(Default.GeneratedSerializerOptions));
}
