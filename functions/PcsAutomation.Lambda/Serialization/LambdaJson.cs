using System.Text.Json;

namespace PcsAutomation.Lambda.Serialization;

/// <summary>
/// The options every source-generated context of the runtime and the handlers is used with: its generated options
/// (naming policy, converters, ignore conditions) with <see cref="JsonEscaper.Strict"/> escaping. With the contexts
/// generating metadata only (<c>GenerationMode = Metadata</c>), no string of a cold start goes through
/// <see cref="System.Text.Encodings.Web.JavaScriptEncoder.Default"/>, whose static constructor costs about a tenth of
/// a Native AOT init (docs/benchmarks.md); the bytes written are the same.
/// </summary>
public static class LambdaJson
{
    /// <summary>A copy of <paramref name="generated"/> (a context's <c>GeneratedSerializerOptions</c>) that escapes with <see cref="JsonEscaper.Strict"/>.</summary>
    public static JsonSerializerOptions StrictOptions(JsonSerializerOptions? generated) =>
        new(generated ?? throw new ArgumentNullException(nameof(generated), "The context has no generated options."))
        {
            Encoder = JsonEscaper.Strict,
        };
}
