using System.Text.Json.Nodes;
using Json.Schema;
using PcsAutomation.Template.Tests.Yaml;

namespace PcsAutomation.Template.Tests.Schema;

public class SamSchemaTests
{
    /// <summary>
    /// Keywords that mean the same in draft-04 and draft-06, so evaluating with draft-06 rules is exact.
    /// Left out on purpose: <c>id</c> (renamed <c>$id</c>), <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c>
    /// (boolean in draft-04, numbers in draft-06), <c>dependencies</c> (not walked here).
    /// <c>markdownDescription</c> and <c>__samPassThrough</c> are SAM annotations no validator acts on.
    /// </summary>
    private static readonly HashSet<string> SameInDraft04And06 =
    [
        "$schema", "$ref", "definitions", "title", "description", "default", "type", "enum",
        "properties", "patternProperties", "additionalProperties", "required", "minProperties", "maxProperties",
        "items", "additionalItems", "minItems", "maxItems", "uniqueItems",
        "allOf", "anyOf", "oneOf", "not", "pattern", "minLength", "maxLength", "format",
        "minimum", "maximum", "multipleOf",
        "markdownDescription", "__samPassThrough",
    ];

    [Fact]
    public void SamSchema_DeclaredDraft_IsDraft04() =>
        Assert.Equal(SamSchema.Draft04.ToString(), SamSchema.Document.GetProperty("$schema").GetString());

    [Fact]
    public void JsonSchemaNet_Draft04WithoutOurDialect_IsRejected()
    {
        // Why SamSchema registers a dialect: JsonSchema.Net 8 knows draft-06 and later only. If a later version
        // learns draft-04, this fails and the workaround can go.
        var error = Assert.Throws<JsonSchemaException>(() => JsonSchema.Build(
            SamSchema.Document, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri("https://probe.local/sam.json")));

        Assert.Contains("draft-04", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SamSchema_Keywords_AllMeanTheSameInDraft04AndDraft06()
    {
        var used = SchemaKeywords.Used(SamSchema.Document);

        Assert.Empty(used.Keys.Except(SameInDraft04And06));
        Assert.True(used.GetValueOrDefault("$ref") > 100, "the walk reached the definitions");
    }

    [Fact]
    public void Template_AgainstSamSchema_IsValid()
    {
        var report = SamSchema.Validate(LoadTemplate());

        Assert.True(report.IsValid, report.ToString());
    }

    [Fact]
    public void Validate_MisspelledFunctionProperty_Fails()
    {
        var template = LoadTemplate();
        var properties = Function(template);
        properties["Handlr"] = properties["Handler"]!.DeepClone();
        properties.Remove("Handler");

        var report = SamSchema.Validate(template);

        Assert.False(report.IsValid);
        var error = Assert.Single(report.Errors);
        Assert.StartsWith("/Resources/DiagnosticsFunction/Properties/Handlr:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MisspelledGlobalsProperty_Fails()
    {
        var template = LoadTemplate();
        template["Globals"]!["Function"]!["Runtim"] = "provided.al2023";

        var error = Assert.Single(SamSchema.Validate(template).Errors);
        Assert.StartsWith("/Globals/Function/Runtim:", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tracing", "7")]
    [InlineData("Tracing", "\"Actve\"")]
    [InlineData("CodeUri", "42")]
    [InlineData("Policies", "true")]
    public void Validate_WrongTypeOrValue_Fails(string property, string json)
    {
        var template = LoadTemplate();
        Function(template)[property] = JsonNode.Parse(json);

        var report = SamSchema.Validate(template);
        Assert.False(report.IsValid);
        Assert.All(report.Errors, e => Assert.StartsWith($"/Resources/DiagnosticsFunction/Properties/{property}:", e, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UnknownServerlessType_Fails()
    {
        var template = LoadTemplate();
        template["Resources"]!["DiagnosticsFunction"]!["Type"] = "AWS::Serverless::Functon";

        Assert.False(SamSchema.Validate(template).IsValid);
    }

    private static JsonNode LoadTemplate() => CloudFormationYaml.Load(RepoPaths.Template)!;

    private static JsonObject Function(JsonNode template) =>
        template["Resources"]!["DiagnosticsFunction"]!["Properties"]!.AsObject();
}
