using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.EventBridge;

namespace PcsAutomation.Cli.Invoke;

/// <summary>
/// The environment variables of a template function whose values name the stack's own resources (<c>!Ref</c>,
/// <c>!GetAtt</c> or <c>${X}</c> in <c>!Sub</c> of a resource: the lease table, the state machines). Against AWS their
/// values are what CloudFormation created, which only the deployed function's configuration knows, so <c>invoke</c>
/// asks for them in <c>--env-vars</c> rather than guess (pure).
/// </summary>
public static class ResourceVariables
{
    public static IReadOnlySet<string> Of(string templateText, string logicalId)
    {
        var template = YamlJson.Parse(templateText) as JsonObject ?? throw new CliException("The template is not a mapping.");
        var resources = template["Resources"] as JsonObject ?? [];
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var sources = new[] { template["Globals"]?["Function"], resources[logicalId]?["Properties"] };
        foreach (var source in sources)
        {
            foreach (var (name, value) in source?["Environment"]?["Variables"] as JsonObject ?? [])
                if (NamesResource(value, resources)) names.Add(name);
        }
        return names;
    }

    private static bool NamesResource(JsonNode? node, JsonObject resources) => node switch
    {
        JsonObject o when o["Ref"] is JsonValue r && r.TryGetValue<string>(out var target) => resources.ContainsKey(target),
        JsonObject o when o.ContainsKey("Fn::GetAtt") => true,
        JsonObject o when o["Fn::Sub"] is { } sub => SubNamesResource(sub, resources),
        JsonObject o => o.Any(p => NamesResource(p.Value, resources)),
        JsonArray a => a.Any(item => NamesResource(item, resources)),
        _ => false,
    };

    private static bool SubNamesResource(JsonNode sub, JsonObject resources)
    {
        var text = sub is JsonArray { Count: > 0 } a ? a[0] : sub;
        return text is JsonValue v && v.TryGetValue<string>(out var s)
            && resources.Any(r => s.Contains("${" + r.Key + "}", StringComparison.Ordinal) || s.Contains("${" + r.Key + ".", StringComparison.Ordinal));
    }
}
