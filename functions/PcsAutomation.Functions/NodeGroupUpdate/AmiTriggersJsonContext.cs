using System.Text.Json.Serialization;

namespace PcsAutomation.Functions.NodeGroupUpdate;

/// <summary>
/// Source-generated camelCase JSON (Native AOT) for the AMI triggers: their outputs and the inputs they give the
/// roll-out and notice state machines, nulls left out (a target names only the field it sets).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NodeGroupUpdateExecutionInput))]
[JsonSerializable(typeof(NodeGroupUpdateNoticeInput))]
[JsonSerializable(typeof(AmiUpdateReconcilerOutput))]
[JsonSerializable(typeof(NodeGroupAmiAuditOutput))]
internal sealed partial class AmiTriggersJsonContext : JsonSerializerContext;
