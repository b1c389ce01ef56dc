using System.Text.Json.Serialization;
using PcsAutomation.Functions.Diagnostics;

namespace PcsAutomation.Functions;

/// <summary>Source-generated JSON for every handler's input and output (Native AOT: no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DiagnosticsRequest))]
[JsonSerializable(typeof(DiagnosticsReport))]
internal sealed partial class FunctionsJsonContext : JsonSerializerContext;
