using System.Text.Json.Serialization;
using System.Text.Json;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.Ami;

/// <summary>
/// Source-generated JSON (Native AOT) of the AMI handlers: the CloudFormation request is taken as a
/// <see cref="JsonElement"/> and read field by field by the Domain's parser (a malformed request must still be answered).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(AmiLookupCustomResourceOutput))]
internal sealed partial class AmiJsonContext : JsonSerializerContext
{
    private static AmiJsonContext? strict;

    /// <summary>The instance to use: <see cref="LambdaJson.StrictOptions"/> (no default encoder at start-up; the same bytes).</summary>
    public static AmiJsonContext Strict => strict ??= new(LambdaJson.StrictOptions(Default.GeneratedSerializerOptions));
}
