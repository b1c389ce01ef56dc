using System.Text.Json;
using System.Text.Json.Serialization;

namespace PcsAutomation.Functions.Ami;

/// <summary>
/// Source-generated JSON (Native AOT) of the AMI handlers: the CloudFormation request is taken as a
/// <see cref="JsonElement"/> and read field by field by the Domain's parser (a malformed request must still be answered).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(AmiLookupCustomResourceOutput))]
internal sealed partial class AmiJsonContext : JsonSerializerContext;
