using System.Text.Json;
using System.Text.Json.Serialization;

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
    // Every type info System.Text.Json makes, source-generated or not, asks reflection for its type's
    // [JsonDerivedType] attributes (JsonPolymorphismOptions.CreateFromAttributeDeclarations), which returns them as a
    // JsonDerivedTypeAttribute[]. Native AOT has no such array type unless the program makes one, so the first ask builds
    // it at run time in the type loader: 348,000 instructions of every cold start (callgrind), a third of the attribute
    // scan. Making an array of that type here compiles the type into the bootstrap instead.
    private static readonly JsonDerivedTypeAttribute[] NoDerivedTypes = [];

    /// <summary>A copy of <paramref name="generated"/> (a context's <c>GeneratedSerializerOptions</c>) that escapes with <see cref="JsonEscaper.Strict"/>.</summary>
    public static JsonSerializerOptions StrictOptions(JsonSerializerOptions? generated)
    {
        GC.KeepAlive(NoDerivedTypes);
        return new(generated ?? throw new ArgumentNullException(nameof(generated), "The context has no generated options."))
        {
            Encoder = JsonEscaper.Strict,
        };
    }
}
