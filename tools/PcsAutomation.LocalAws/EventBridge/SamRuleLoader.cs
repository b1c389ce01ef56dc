using System.Text.Json;
using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Template;

namespace PcsAutomation.LocalAws.EventBridge;

/// <summary>
/// Reads the EventBridge rules of a SAM template: the <c>EventBridgeRule</c>, <c>CloudWatchEvent</c>, <c>Schedule</c> and
/// <c>ScheduleV2</c> events of functions and state machines, and <c>AWS::Events::Rule</c> resources; custom
/// <c>AWS::Events::EventBus</c> resources are created on the bus first.
/// </summary>
public static class SamRuleLoader
{
    /// <summary>Loads every rule of <paramref name="templateYaml"/> into <paramref name="bus"/> and returns them.</summary>
    /// <param name="templateYaml">The template text (YAML or JSON).</param>
    /// <param name="bus">Where rules go; its region and account name the ARNs.</param>
    /// <param name="parameterOverrides">Template parameter values; parameters without one use their Default.</param>
    public static IReadOnlyList<EventRule> Load(string templateYaml, EventBus bus, IReadOnlyDictionary<string, string>? parameterOverrides = null)
    {
        ArgumentNullException.ThrowIfNull(bus);
        var template = YamlJson.Parse(templateYaml) as JsonObject ?? throw new FormatException("The template is not a mapping.");
        var resources = template["Resources"] as JsonObject ?? [];
        var intrinsics = new TemplateIntrinsics(resources, Parameters(template, parameterOverrides), bus.Region, bus.AccountId);
        foreach (var (_, resource) in resources)
        {
            if (TemplateIntrinsics.AsString(resource?["Type"]) == "AWS::Events::EventBus"
                && intrinsics.ResolveString(resource?["Properties"]?["Name"]) is { } busName)
                bus.AddBus(busName);
        }
        var rules = new List<EventRule>();
        foreach (var (logicalId, resource) in resources)
        {
            if (resource is not JsonObject r)
                continue;
            var properties = r["Properties"] as JsonObject ?? [];
            switch (TemplateIntrinsics.AsString(r["Type"]))
            {
                case "AWS::Serverless::Function" or "AWS::Serverless::StateMachine":
                    rules.AddRange(FromEvents(logicalId, properties, intrinsics, bus, template["Globals"]?["Function"]?["Handler"]));
                    break;
                case "AWS::Events::Rule":
                    rules.Add(FromRuleResource(logicalId, properties, intrinsics, resources, bus));
                    break;
            }
        }
        return rules.Select(rule => bus.PutRule(rule, keepTargets: false)).ToList();
    }

    private static Dictionary<string, string> Parameters(JsonObject template, IReadOnlyDictionary<string, string>? overrides)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, definition) in template["Parameters"] as JsonObject ?? [])
        {
            if (definition?["Default"] is JsonValue d)
                values[name] = d.GetValueKind() == JsonValueKind.String ? d.GetValue<string>() : d.ToJsonString();
        }
        foreach (var (name, value) in overrides ?? new Dictionary<string, string>())
            values[name] = value;
        return values;
    }

    private static IEnumerable<EventRule> FromEvents(string logicalId, JsonObject properties, TemplateIntrinsics intrinsics, EventBus bus, JsonNode? globalHandler)
    {
        var arn = intrinsics.ArnOf(logicalId)!;
        var handler = intrinsics.ResolveString(properties["Handler"] ?? globalHandler);
        foreach (var (eventName, definition) in properties["Events"] as JsonObject ?? [])
        {
            var type = TemplateIntrinsics.AsString(definition?["Type"]);
            if (type is not ("EventBridgeRule" or "CloudWatchEvent" or "Schedule" or "ScheduleV2"))
                continue;
            var p = definition?["Properties"] as JsonObject ?? [];
            var ruleName = intrinsics.ResolveString(p["RuleName"]) ?? intrinsics.ResolveString(p["Name"]) ?? logicalId + eventName;
            var busName = intrinsics.ResolveString(p["EventBusName"]) ?? EventBus.DefaultBusName;
            var target = new RuleTarget(
                intrinsics.ResolveString(p["Target"]?["Id"]) ?? logicalId + eventName + "Target",
                arn,
                intrinsics.ResolveString(p["Input"]),
                intrinsics.ResolveString(p["InputPath"]),
                Transformer(intrinsics.Resolve(p["InputTransformer"])),
                handler,
                logicalId);
            var pattern = type is "EventBridgeRule" or "CloudWatchEvent" ? Pattern(intrinsics.Resolve(p["Pattern"]), ruleName) : null;
            var schedule = intrinsics.ResolveString(p["Schedule"]) ?? intrinsics.ResolveString(p["ScheduleExpression"]);
            yield return new EventRule(
                ruleName,
                busName,
                bus.RuleArn(busName, ruleName),
                pattern,
                schedule is null ? null : ScheduleExpression.Parse(schedule),
                Enabled(intrinsics.Resolve(p["State"]), intrinsics.Resolve(p["Enabled"])),
                intrinsics.ResolveString(p["Description"]),
                [target]);
        }
    }

    private static EventRule FromRuleResource(string logicalId, JsonObject p, TemplateIntrinsics intrinsics, JsonObject resources, EventBus bus)
    {
        var ruleName = intrinsics.ResolveString(p["Name"]) ?? logicalId;
        var busName = intrinsics.ResolveString(p["EventBusName"]) ?? EventBus.DefaultBusName;
        if (busName.StartsWith("arn:", StringComparison.Ordinal))
            busName = busName[(busName.LastIndexOf('/') + 1)..];
        var schedule = intrinsics.ResolveString(p["ScheduleExpression"]);
        var targets = (p["Targets"] as JsonArray ?? []).OfType<JsonObject>().Select(t => RuleResourceTarget(t, intrinsics, resources)).ToList();
        return new EventRule(
            ruleName,
            busName,
            bus.RuleArn(busName, ruleName),
            Pattern(intrinsics.Resolve(p["EventPattern"]), ruleName),
            schedule is null ? null : ScheduleExpression.Parse(schedule),
            Enabled(intrinsics.Resolve(p["State"]), null),
            intrinsics.ResolveString(p["Description"]),
            targets);
    }

    private static RuleTarget RuleResourceTarget(JsonObject t, TemplateIntrinsics intrinsics, JsonObject resources)
    {
        // Keep the logical id behind "!GetAtt Fn.Arn" / "!Ref StateMachine" so the host can find the handler.
        var logicalId = t["Arn"] switch
        {
            JsonObject o when o["Fn::GetAtt"] is JsonArray a => TemplateIntrinsics.AsString(a[0]),
            JsonObject o when o.ContainsKey("Ref") => TemplateIntrinsics.AsString(o["Ref"]),
            _ => null,
        };
        var handler = logicalId is null ? null : intrinsics.ResolveString(resources[logicalId]?["Properties"]?["Handler"]);
        return new RuleTarget(
            intrinsics.ResolveString(t["Id"]) ?? logicalId ?? "Target",
            intrinsics.ResolveString(t["Arn"]) ?? "",
            intrinsics.ResolveString(t["Input"]),
            intrinsics.ResolveString(t["InputPath"]),
            Transformer(intrinsics.Resolve(t["InputTransformer"])),
            handler,
            logicalId);
    }

    // EventPattern may be written as YAML/JSON or as a JSON string (the only way to put null in a template).
    private static EventPattern? Pattern(JsonNode? node, string ruleName) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => EventPattern.Parse(v.GetValue<string>()),
        JsonObject o => EventPattern.Parse(o.ToJsonString()),
        _ => throw new FormatException($"Rule {ruleName}: EventPattern must be an object or a JSON string."),
    };

    private static bool Enabled(JsonNode? state, JsonNode? enabled) =>
        TemplateIntrinsics.AsString(state) is { } s ? s != "DISABLED"
        : enabled is not JsonValue e || e.GetValueKind() != JsonValueKind.False;

    private static InputTransformer? Transformer(JsonNode? node) => node is JsonObject o
        ? new InputTransformer(
            (o["InputPathsMap"] as JsonObject ?? []).ToDictionary(p => p.Key, p => TemplateIntrinsics.AsString(p.Value) ?? "", StringComparer.Ordinal),
            TemplateIntrinsics.AsString(o["InputTemplate"]) ?? "")
        : null;
}
