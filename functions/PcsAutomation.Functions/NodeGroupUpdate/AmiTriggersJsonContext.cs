using System.Text.Json.Serialization;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.NodeGroupUpdate;

/// <summary>
/// Source-generated camelCase JSON (Native AOT) for the AMI triggers: their outputs and the inputs they give the
/// roll-out and notice state machines, nulls left out (a target names only the field it sets).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(NodeGroupUpdateExecutionInput))]
[JsonSerializable(typeof(NodeGroupUpdateNoticeInput))]
[JsonSerializable(typeof(AmiUpdateReconcilerOutput))]
[JsonSerializable(typeof(NodeGroupAmiAuditOutput))]
internal sealed partial class AmiTriggersJsonContext : JsonSerializerContext
{
    private static AmiTriggersJsonContext? strict;

    /// <summary>The instance to use: <see cref="LambdaJson.StrictOptions"/> (no default encoder at start-up; the same bytes).</summary>
    public static AmiTriggersJsonContext Strict => strict ??= new(LambdaJson.StrictOptions(Default.GeneratedSerializerOptions));
}
