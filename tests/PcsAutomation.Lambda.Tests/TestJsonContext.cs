using System.Text.Json.Serialization;

namespace PcsAutomation.Lambda.Tests;

internal sealed record Greeting(string Name);

internal sealed record Reply(string Text, string RequestId);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Greeting))]
[JsonSerializable(typeof(Reply))]
internal sealed partial class TestJsonContext : JsonSerializerContext;

/// <summary>A named domain error, like those a Step Functions Catch branches on.</summary>
internal sealed class PreconditionFailedException(string message) : Exception(message);
