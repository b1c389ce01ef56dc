using System.Text.Json.Nodes;

namespace PcsAutomation.Template.Tests.Template;

/// <summary>An <c>AWS::Serverless::Function</c> with its properties as SAM deploys them (Globals applied).</summary>
public sealed record SamFunction(string LogicalId, JsonObject Properties, JsonObject Metadata)
{
    /// <summary>The <c>Handler</c> (Lambda's <c>_HANDLER</c>), or <see langword="null"/> when neither the function nor Globals sets one.</summary>
    public string? Handler => Properties[nameof(Handler)] is JsonValue value && value.TryGetValue<string>(out var handler) ? handler : null;

    /// <summary>The function's own properties, before Globals (what a <c>[LambdaFunction]</c> has to say of it).</summary>
    public JsonObject Own { get; init; } = [];

    /// <summary><c>Metadata.BuildMethod</c> (e.g. <c>makefile</c>), or <see langword="null"/>.</summary>
    public string? BuildMethod => Metadata[nameof(BuildMethod)] is JsonValue value && value.TryGetValue<string>(out var method) ? method : null;
}

/// <summary>An <c>AWS::Serverless::StateMachine</c>: where its definition is and what it substitutes.</summary>
public sealed record SamStateMachine(string LogicalId, string? DefinitionUri, JsonNode? Definition, IReadOnlySet<string> SubstitutionNames);

/// <summary>Reads the serverless resources of a template already converted to JSON.</summary>
public static class SamTemplate
{
    /// <summary>Every function, with <c>Globals.Function</c> merged in the way SAM merges it.</summary>
    public static IReadOnlyList<SamFunction> Functions(JsonNode template)
    {
        var globals = template["Globals"]?["Function"] as JsonObject ?? [];
        return [.. Resources(template, "AWS::Serverless::Function").Select(r => new SamFunction(
            r.LogicalId,
            Merge(globals, r.Body["Properties"] as JsonObject ?? []),
            r.Body["Metadata"] as JsonObject ?? [])
        {
            Own = r.Body["Properties"] as JsonObject ?? [],
        })];
    }

    /// <summary>Every state machine with its <c>DefinitionUri</c> (when a local path) and substitution names.</summary>
    public static IReadOnlyList<SamStateMachine> StateMachines(JsonNode template) =>
        [.. Resources(template, "AWS::Serverless::StateMachine").Select(r =>
        {
            var properties = r.Body["Properties"] as JsonObject ?? [];
            var uri = properties["DefinitionUri"] is JsonValue value && value.TryGetValue<string>(out var path) ? path : null;
            var names = (properties["DefinitionSubstitutions"] as JsonObject ?? []).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
            return new SamStateMachine(r.LogicalId, uri, properties["Definition"], names);
        })];

    private static IEnumerable<(string LogicalId, JsonObject Body)> Resources(JsonNode template, string type) =>
        (template["Resources"] as JsonObject ?? [])
            .Where(r => r.Value is JsonObject body && (string?)body["Type"] == type)
            .Select(r => (r.Key, (JsonObject)r.Value!));

    /// <summary>
    /// SAM's Globals rule: the resource's value wins for scalars, maps are merged key by key (recursively),
    /// lists are concatenated, Globals first.
    /// </summary>
    private static JsonObject Merge(JsonObject globals, JsonObject resource)
    {
        var merged = (JsonObject)globals.DeepClone();
        foreach (var (key, value) in resource)
        {
            merged[key] = (merged[key], value) switch
            {
                (JsonObject g, JsonObject r) => Merge(g, r),
                (JsonArray g, JsonArray r) => new JsonArray([.. g.Select(n => n?.DeepClone()), .. r.Select(n => n?.DeepClone())]),
                _ => value?.DeepClone(),
            };
        }
        return merged;
    }
}
