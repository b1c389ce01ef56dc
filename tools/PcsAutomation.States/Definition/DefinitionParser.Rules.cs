using System.Text.Json.Nodes;
using PcsAutomation.States.Errors;
using PcsAutomation.States.Json;

namespace PcsAutomation.States.Definition;

internal sealed partial class DefinitionParser
{
    private static readonly string[] RetrierFields =
        ["ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment"];

    private static readonly string[] CatcherFields = ["ErrorEquals", "Next", "ResultPath", "Comment"];

    private List<Retrier> Retriers(JsonObject obj, string location)
    {
        var result = new List<Retrier>();
        if (!obj.TryGetPropertyValue("Retry", out var node))
            return result;
        if (node is not JsonArray array)
        {
            Problem(location, "Retry", "must be an array of retriers");
            return result;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var at = $"{location}.Retry[{i}]";
            if (array[i] is not JsonObject r)
            {
                Problem(at, "(retrier)", "must be an object");
                continue;
            }

            CheckFields(r, at, RetrierFields);
            var errors = ErrorNames(r, at, "ErrorEquals");
            if (errors.Contains(StatesErrorNames.All) && i != array.Count - 1)
                Problem(at, "ErrorEquals", "States.ALL must be in the last retrier");
            var jitter = OptionalString(r, at, "JitterStrategy") ?? "NONE";
            if (jitter is not ("FULL" or "NONE"))
                Problem(at, "JitterStrategy", "must be FULL or NONE");
            result.Add(new Retrier(
                errors,
                PositiveInt(r, at, "IntervalSeconds") ?? 1,
                PositiveInt(r, at, "MaxAttempts", min: 0) ?? 3,
                Number(r, at, "BackoffRate", 1.0, 1e9) ?? 2.0,
                PositiveInt(r, at, "MaxDelaySeconds"),
                jitter == "FULL"));
        }

        return result;
    }

    private List<Catcher> Catchers(JsonObject obj, string location)
    {
        var result = new List<Catcher>();
        if (!obj.TryGetPropertyValue("Catch", out var node))
            return result;
        if (node is not JsonArray array)
        {
            Problem(location, "Catch", "must be an array of catchers");
            return result;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var at = $"{location}.Catch[{i}]";
            if (array[i] is not JsonObject c)
            {
                Problem(at, "(catcher)", "must be an object");
                continue;
            }

            CheckFields(c, at, CatcherFields);
            var errors = ErrorNames(c, at, "ErrorEquals");
            if (errors.Contains(StatesErrorNames.All) && i != array.Count - 1)
                Problem(at, "ErrorEquals", "States.ALL must be in the last catcher");
            var next = RequiredString(c, at, "Next");
            result.Add(new Catcher(errors, next ?? "", NullablePathField(c, at, "ResultPath", reference: true)));
        }

        return result;
    }

    private State ParseChoice(State state, JsonObject obj, string location)
    {
        if (obj["Choices"] is not JsonArray array || array.Count == 0)
        {
            Problem(location, "Choices", "must be a non-empty array of choice rules");
            return state;
        }

        var rules = new List<ChoiceRule>();
        for (var i = 0; i < array.Count; i++)
        {
            var at = $"{location}.Choices[{i}]";
            var rule = ParseRule(array[i], at, topLevel: true);
            if (rule is not null)
                rules.Add(rule);
        }

        return state with { Choices = rules, Default = OptionalString(obj, location, "Default") };
    }

    private ChoiceRule? ParseRule(JsonNode? node, string location, bool topLevel)
    {
        if (node is not JsonObject obj)
        {
            Problem(location, "(rule)", "must be an object");
            return null;
        }

        var next = topLevel ? RequiredString(obj, location, "Next") : null;
        if (!topLevel && obj.ContainsKey("Next"))
            Problem(location, "Next", "only top-level choice rules may have Next");
        ChoiceRule? rule;
        if (obj["And"] is JsonArray and || obj["Or"] is JsonArray)
        {
            var key = obj.ContainsKey("And") ? "And" : "Or";
            var list = ((JsonArray)obj[key]!).Select((r, i) => ParseRule(r, $"{location}.{key}[{i}]", false)).ToList();
            if (list.Count == 0)
                Problem(location, key, "must hold at least one rule");
            CheckFields(obj, location, [key, "Next", "Comment"]);
            var rules = list.OfType<ChoiceRule>().ToList();
            rule = key == "And" ? new AndRule(rules) : new OrRule(rules);
        }
        else if (obj.ContainsKey("Not"))
        {
            CheckFields(obj, location, ["Not", "Next", "Comment"]);
            var inner = ParseRule(obj["Not"], $"{location}.Not", false);
            rule = inner is null ? null : new NotRule(inner);
        }
        else
        {
            rule = ParseComparison(obj, location);
        }

        return rule is null ? null : rule with { Next = next };
    }

    private ComparisonRule? ParseComparison(JsonObject obj, string location)
    {
        var variable = OptionalPath(obj, location, "Variable");
        if (!obj.ContainsKey("Variable"))
            Problem(location, "Variable", "is required in a comparison");
        var operators = obj.Select(p => p.Key).Where(k => k is not ("Variable" or "Next" or "Comment")).ToList();
        if (operators.Count != 1)
        {
            Problem(location, "(operator)", $"a comparison needs exactly one operator, found: {string.Join(", ", operators)}");
            return null;
        }

        var op = operators[0];
        if (op.EndsWith("Path", StringComparison.Ordinal) && ChoiceOperators.TryGetKind(op[..^4], out _)
            && ChoiceOperators.HasPathVariant(op[..^4]))
        {
            var operandPath = OptionalPath(obj, location, op);
            return variable is null || operandPath is null ? null : new ComparisonRule(variable, op, null, operandPath);
        }

        if (!ChoiceOperators.TryGetKind(op, out var kind))
        {
            Problem(location, op, "is not a choice comparison operator");
            return null;
        }

        var operand = obj[op];
        var valid = kind switch
        {
            ChoiceOperators.OperandKind.String => JsonValues.IsString(operand),
            ChoiceOperators.OperandKind.Number => JsonValues.IsNumber(operand),
            ChoiceOperators.OperandKind.Boolean => JsonValues.IsBoolean(operand),
            _ => JsonValues.TryGetString(operand, out var s) && Timestamps.TryParse(s, out _),
        };
        if (!valid)
            Problem(location, op, $"expects a {kind.ToString().ToLowerInvariant()} operand");
        return variable is null || !valid ? null : new ComparisonRule(variable, op, JsonValues.Clone(operand), null);
    }

    private State ParseMap(State state, JsonObject obj, string location)
    {
        var processorField = obj.ContainsKey("ItemProcessor") ? "ItemProcessor" : "Iterator";
        StateMachineDefinition? processor = null;
        if (!obj.ContainsKey(processorField))
            Problem(location, "ItemProcessor", "a Map state needs ItemProcessor (or the legacy Iterator)");
        else
            processor = ParseMachine(obj[processorField], $"{location}.{processorField}", topLevel: false);
        if (obj["ItemProcessor"]?["ProcessorConfig"]?["Mode"]?.ToString() == "DISTRIBUTED")
            Problem(location, "ItemProcessor", "distributed Map is not supported; use Mode INLINE");
        if (obj.ContainsKey("ItemSelector") && obj.ContainsKey("Parameters"))
            Problem(location, "ItemSelector", "ItemSelector and the legacy Parameters are mutually exclusive");
        return state with
        {
            ItemProcessor = processor,
            ItemsPath = OptionalPath(obj, location, "ItemsPath", reference: true),
            // Legacy Map "Parameters" is the item selector, not a state input filter.
            ItemSelector = Template(obj, location, "ItemSelector") ?? state.Parameters,
            Parameters = null,
            MaxConcurrency = PositiveInt(obj, location, "MaxConcurrency", min: 0) ?? 0,
            MaxConcurrencyPath = OptionalPath(obj, location, "MaxConcurrencyPath", reference: true),
            ToleratedFailureCount = PositiveInt(obj, location, "ToleratedFailureCount", min: 0),
            ToleratedFailureCountPath = OptionalPath(obj, location, "ToleratedFailureCountPath", reference: true),
            ToleratedFailurePercentage = Number(obj, location, "ToleratedFailurePercentage", 0, 100),
            ToleratedFailurePercentagePath = OptionalPath(obj, location, "ToleratedFailurePercentagePath", reference: true),
        };
    }
}
