using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using PcsAutomation.Functions.Diagnostics;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.Tests;

// Cold start (docs/benchmarks.md): no JSON of the runtime or the handlers may go through JavaScriptEncoder.Default, whose
// static constructor is about a tenth of a Native AOT init. Every source-generated context of the bootstrap's own
// assemblies therefore generates metadata only (a fast-path context escapes its property names with the default
// encoder in its static constructor) and offers Strict, bound to JsonEscaper.Strict, which the handlers use.
public class JsonContextsTests
{
    private static readonly Type[] Contexts =
    [
        .. new[] { typeof(HandlerRegistry).Assembly, typeof(JsonEscaper).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type.IsSubclassOf(typeof(JsonSerializerContext)))
            .OrderBy(type => type.FullName, StringComparer.Ordinal),
    ];

    [Fact]
    public void Contexts_OfTheBootstrapAssemblies_AreFound()
    {
        Assert.Contains(Contexts, type => type.Name == "FunctionsJsonContext");
        Assert.Contains(Contexts, type => type.Name == "RuntimeJsonContext");
        Assert.True(Contexts.Length >= 10, $"found only {Contexts.Length} contexts");
    }

    [Fact]
    public void EveryContext_Strict_EscapesWithJsonEscaper()
    {
        Assert.All(Contexts, type =>
        {
            var strict = type.GetProperty("Strict", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as JsonSerializerContext;
            Assert.True(strict is not null, $"{type.Name} has no static Strict instance (see LambdaJson.StrictOptions)");
            Assert.Same(JsonEscaper.Strict, strict.Options.Encoder);
        });
    }

    [Fact]
    public void EveryContext_GeneratesMetadataOnly_SoNoNameIsEscapedByTheDefaultEncoder()
    {
        Assert.All(Contexts, type =>
        {
            var escapedNames = type.GetFields(BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static)
                .Where(field => field.FieldType == typeof(JsonEncodedText))
                .Select(field => field.Name);
            Assert.True(!escapedNames.Any(),
                $"{type.Name} precomputes {string.Join(", ", escapedNames)}: set GenerationMode = JsonSourceGenerationMode.Metadata");
        });
    }

    [Fact]
    public void Strict_SameValue_WritesTheSameBytesAsDefault()
    {
        var report = new DiagnosticsReport("1.0+<&>'", "Diagnostics", ".NET", true, "eu-west-3",
            new Dictionary<string, string>(StringComparer.Ordinal) { ["PCS"] = "https://pcs.eu-west-3.amazonaws.com/?a=1&b=é" },
            "f\"", "1", 256, "INFO", "req", 42);

        var context = Contexts.Single(type => type.Name == "FunctionsJsonContext");
        string Write(string instance) =>
            JsonSerializer.Serialize(report, ((JsonSerializerContext)context.GetProperty(instance)!.GetValue(null)!).GetTypeInfo(typeof(DiagnosticsReport))!);

        Assert.Equal(Write("Default"), Write("Strict"));
        Assert.Contains("\\u0026b=\\u00E9", Write("Strict"), StringComparison.Ordinal);
    }
}
