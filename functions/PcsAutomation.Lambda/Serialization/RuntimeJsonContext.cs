using System.Text.Json.Serialization;
using PcsAutomation.Lambda.Client;

namespace PcsAutomation.Lambda.Serialization;

/// <summary>Source-generated JSON for what the runtime itself sends (Native AOT: no reflection).</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(LambdaError))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext
{
    private static RuntimeJsonContext? strict;

    /// <summary>The instance to use: <see cref="LambdaJson.StrictOptions"/> (no default encoder at start-up; the same bytes).</summary>
    public static RuntimeJsonContext Strict => strict ??= new(LambdaJson.StrictOptions(Default.GeneratedSerializerOptions));
}
