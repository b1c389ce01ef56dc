using System.Text.Json.Serialization;
using PcsAutomation.Lambda.Client;

namespace PcsAutomation.Lambda.Serialization;

/// <summary>Source-generated JSON for what the runtime itself sends (Native AOT: no reflection).</summary>
[JsonSerializable(typeof(LambdaError))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
