using System.Text.Json.Serialization;
using PcsAutomation.Functions.Diagnostics;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions;

/// <summary>Source-generated JSON for every handler's input and output (Native AOT: no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(DiagnosticsRequest))]
[JsonSerializable(typeof(DiagnosticsReport))]
internal sealed partial class FunctionsJsonContext : JsonSerializerContext
{
    private static FunctionsJsonContext? strict;

    /// <summary>The instance to use: <see cref="LambdaJson.StrictOptions"/> (no default encoder at start-up; the same bytes).</summary>
    public static FunctionsJsonContext Strict => strict ??= new(LambdaJson.StrictOptions(Default.GeneratedSerializerOptions));
}
