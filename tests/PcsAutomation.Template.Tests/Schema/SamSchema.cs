using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace PcsAutomation.Template.Tests.Schema;

/// <summary>
/// The AWS SAM JSON schema from <c>../shared/reference/sam/sam.schema.json</c>, ready to validate a template
/// (already converted from YAML, intrinsic functions in long form).
/// </summary>
/// <remarks>
/// The schema declares draft-04; JsonSchema.Net 8 implements draft-06 and later only. We evaluate it with the
/// draft-06 keyword set registered under the draft-04 URI. That is exact for this schema because it uses none
/// of the keywords whose meaning changed between the two drafts (<c>id</c>, boolean
/// <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c>); <see cref="SchemaKeywords"/> and its test prove it
/// every run, so a schema update that starts using one fails loudly instead of validating wrongly.
/// </remarks>
public static class SamSchema
{
    /// <summary>The draft the SAM schema declares in <c>$schema</c>.</summary>
    public static readonly Uri Draft04 = new("http://json-schema.org/draft-04/schema#");

    private static readonly Lazy<JsonSchema> Schema = new(Build);

    /// <summary>The schema document as JSON, for inspection.</summary>
    public static JsonElement Document { get; } = JsonDocument.Parse(File.ReadAllText(RepoPaths.SamSchema)).RootElement;

    /// <summary>Validates <paramref name="template"/>; the result lists the failing locations that explain why.</summary>
    public static SchemaReport Validate(JsonNode template)
    {
        var instance = JsonSerializer.SerializeToElement(template);
        var results = Schema.Value.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        var errors = new List<string>();
        if (!results.IsValid)
            Explain(results, errors);
        return new SchemaReport(results.IsValid, errors);
    }

    /// <summary>
    /// Collects errors from failed nodes only (a passing <c>anyOf</c> keeps its failed alternatives out), and for a
    /// failed <c>anyOf</c> over resource kinds follows only the alternatives whose <c>Type</c> matched: a misspelled
    /// function property is reported against AWS::Serverless::Function, not against the eleven other kinds.
    /// </summary>
    private static void Explain(EvaluationResults node, List<string> errors)
    {
        if (node.IsValid)
            return;
        foreach (var (_, message) in node.Errors ?? new Dictionary<string, string>())
            errors.Add($"{node.InstanceLocation}: {message} (schema {node.EvaluationPath})");
        var children = node.Details ?? [];
        var branches = children.Where(c => c.EvaluationPath.ToString().Contains("/anyOf/", StringComparison.Ordinal)).ToList();
        var matching = branches.Where(b => !FailsOnType(b)).ToList();
        foreach (var child in children.Except(branches).Concat(matching.Count > 0 ? matching : branches))
            Explain(child, errors);
    }

    private static bool FailsOnType(EvaluationResults node) =>
        !node.IsValid && ((node.EvaluationPath.ToString().EndsWith("/properties/Type", StringComparison.Ordinal) && node.Errors is { Count: > 0 })
            || (node.Details ?? []).Any(FailsOnType));

    private static JsonSchema Build()
    {
        var dialects = new DialectRegistry();
        dialects.Register(Dialect.Draft06.With([], id: Draft04));
        var options = new BuildOptions { DialectRegistry = dialects, SchemaRegistry = new SchemaRegistry() };
        return JsonSchema.Build(Document, options, new Uri("https://pcs-automation.local/sam.schema.json"));
    }
}

/// <summary>The outcome of a schema validation: valid, or the failing locations with their messages.</summary>
public sealed record SchemaReport(bool IsValid, IReadOnlyList<string> Errors)
{
    /// <inheritdoc />
    public override string ToString() => IsValid ? "valid" : string.Join(Environment.NewLine, Errors);
}
