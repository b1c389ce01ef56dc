using System.Text.Json.Serialization;
using System.Text.Json;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.CapacityBlocks;

/// <summary>
/// Source-generated camelCase JSON (Native AOT) for the Capacity Block triggers: their outputs, the event router's input
/// as it came (the parser checks the envelope itself) and the input they give the expiry state machine; nulls left out.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(CapacityBlockExecutionInput))]
[JsonSerializable(typeof(CapacityBlockReconcilerOutput))]
[JsonSerializable(typeof(CapacityBlockEventRouterOutput))]
internal sealed partial class CapacityBlockTriggersJsonContext : JsonSerializerContext
{
    private static CapacityBlockTriggersJsonContext? strict;

    /// <summary>The instance to use: <see cref="LambdaJson.StrictOptions"/> (no default encoder at start-up; the same bytes).</summary>
    public static CapacityBlockTriggersJsonContext Strict => strict ??= new(LambdaJson.StrictOptions(Default.GeneratedSerializerOptions));
}
