using System.Globalization;
using System.Text.Json.Nodes;
using PcsAutomation.Lambda.Annotations;

namespace PcsAutomation.Template.Tests.Template;

/// <summary>
/// Where template.yaml and the handlers' <c>[LambdaFunction]</c> attributes (as generated into <c>LambdaFunctions.All</c>)
/// disagree, one message per function and field, each naming both sides and, for a missing side, what to add.
/// </summary>
public static class FunctionDrift
{
    private const string Template = "template.yaml";

    /// <summary>Every difference; empty when the two agree.</summary>
    /// <param name="declared">The descriptions the generator made from the attributes (globals applied).</param>
    /// <param name="runtime">The runtime of <c>[assembly: LambdaGlobalProperties]</c>.</param>
    /// <param name="template">The template's functions (Globals applied: <see cref="SamTemplate.Functions"/>).</param>
    public static IReadOnlyList<string> Find(IReadOnlyList<LambdaFunctionDescription> declared, string? runtime, IReadOnlyList<SamFunction> template)
    {
        var problems = new List<string>();
        var byResource = declared.ToDictionary(d => d.ResourceName, StringComparer.Ordinal);
        foreach (var function in template)
        {
            if (byResource.TryGetValue(function.LogicalId, out var description))
                problems.AddRange(Compare(function, description, runtime));
            else
                problems.Add(Missing(function, declared));
        }
        var inTemplate = template.Select(f => f.LogicalId).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(declared.Where(d => !inTemplate.Contains(d.ResourceName)).Select(d =>
            $"{d.ResourceName}: declared by [LambdaFunction] on {ClassName(d)} (Handler {d.Handler}), but {Template} has no such " +
            $"AWS::Serverless::Function: add it (Handler: {d.Handler}, and a build-{d.ResourceName} line in the Makefile's FUNCTIONS), " +
            "or remove the attribute"));
        return problems;
    }

    private static IEnumerable<string> Compare(SamFunction function, LambdaFunctionDescription description, string? runtime)
    {
        var id = function.LogicalId;
        var on = $"in [LambdaFunction] on {ClassName(description)}";
        if (function.Handler != description.Handler)
            yield return $"{id}: Handler is {Show(function.Handler)} in {Template}, {Show(description.Handler)} {on}";
        if (Size(function, "MemorySize") is var memory && memory != description.MemorySize)
            yield return $"{id}: MemorySize is {Show(memory)} in {Template}, {Show(description.MemorySize)} {on}";
        if (Size(function, "Timeout") is var timeout && timeout != description.Timeout)
            yield return $"{id}: Timeout is {Show(timeout)} in {Template}, {Show(description.Timeout)} {on}";
        if (Text(function.Properties["Runtime"]) is var templateRuntime && templateRuntime != runtime)
            yield return $"{id}: Runtime is {Show(templateRuntime)} in {Template}, {Show(runtime)} in [assembly: LambdaGlobalProperties]";
        if (SetDifference(id, "Environment variables", EnvironmentNames(function), description.Environment, on) is { } environment)
            yield return environment;
        if (SetDifference(id, "Policies", PolicyNames(function), description.Policies, on) is { } policies)
            yield return policies;
    }

    /// <summary>A template function no attribute declares: the attribute that would match it, ready to paste.</summary>
    private static string Missing(SamFunction function, IReadOnlyList<LambdaFunctionDescription> declared)
    {
        var sameHandler = declared.FirstOrDefault(d => d.Handler == function.Handler);
        if (sameHandler is not null)
            return $"{function.LogicalId}: ResourceName is {function.LogicalId} in {Template}, {sameHandler.ResourceName} in [LambdaFunction] on " +
                $"{ClassName(sameHandler)}: set ResourceName = \"{function.LogicalId}\" or rename the resource";

        var arguments = new List<string>();
        if (function.Handler is { } handler && handler + "Function" != function.LogicalId)
            arguments.Add($"ResourceName = \"{function.LogicalId}\"");
        if (Own(function, "MemorySize") is { } memory)
            arguments.Add($"MemorySize = {memory}");
        if (Own(function, "Timeout") is { } timeout)
            arguments.Add($"Timeout = {timeout}");
        var environment = EnvironmentNames(function, globals: false);
        if (environment.Count > 0)
            arguments.Add($"Environment = [{string.Join(", ", environment.Select(e => $"\"{e}\""))}]");
        var policies = PolicyNames(function);
        if (policies.Count > 0)
            arguments.Add($"Policies = \"{string.Join(", ", policies)}\"");
        var attribute = arguments.Count == 0 ? "[LambdaFunction]" : $"[LambdaFunction({string.Join(", ", arguments)})]";
        return $"{function.LogicalId}: in {Template} (Handler {Show(function.Handler)}) but no handler class declares it: add {attribute} " +
            $"to the class {function.Handler}Handler (its Create(FunctionServices) is what the registry calls)";
    }

    private static string? SetDifference(string id, string field, IReadOnlyList<string> template, IReadOnlyList<string> declared, string on)
    {
        var onlyTemplate = template.Except(declared, StringComparer.Ordinal).ToList();
        var onlyDeclared = declared.Except(template, StringComparer.Ordinal).ToList();
        if (onlyTemplate.Count == 0 && onlyDeclared.Count == 0)
            return null;
        var parts = new List<string>();
        if (onlyTemplate.Count > 0)
            parts.Add($"{string.Join(", ", onlyTemplate)} in {Template} only");
        if (onlyDeclared.Count > 0)
            parts.Add($"{string.Join(", ", onlyDeclared)} {on} only");
        return $"{id}: {field} differ: {string.Join("; ", parts)}";
    }

    /// <summary>The function's variable names, Globals' included unless <paramref name="globals"/> is false.</summary>
    private static IReadOnlyList<string> EnvironmentNames(SamFunction function, bool globals = true) =>
        (globals ? function.Properties : function.Own)["Environment"]?["Variables"] is JsonObject variables ? [.. variables.Select(v => v.Key)] : [];

    /// <summary>
    /// The <c>Policies</c> entries as the attribute names them: <c>@Name</c> for <c>!Ref Name</c>, each inline statement's
    /// Sid, a SAM policy template's name, a managed policy's name or ARN as written.
    /// </summary>
    public static IReadOnlyList<string> PolicyNames(SamFunction function) =>
        function.Properties["Policies"] switch
        {
            JsonArray entries => [.. entries.SelectMany(PolicyNames)],
            JsonValue single => [.. PolicyNames(single)],
            _ => [],
        };

    private static IEnumerable<string> PolicyNames(JsonNode? entry) => entry switch
    {
        JsonObject o when o["Ref"] is JsonValue reference => ["@" + (string?)reference],
        JsonObject o when o["Statement"] is JsonArray statements => statements.Select(s => Text(s?["Sid"]) ?? "(a statement without Sid)"),
        JsonObject o when o["Statement"] is JsonObject statement => [Text(statement["Sid"]) ?? "(a statement without Sid)"],
        JsonObject o => o.Select(p => p.Key),   // a SAM policy template: {TemplateName: {...}}
        JsonValue v => [(string?)v ?? ""],
        _ => [],
    };

    private static uint Size(SamFunction function, string name) =>
        function.Properties[name] is JsonValue value && uint.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : 0;

    private static uint? Own(SamFunction function, string name) =>
        function.Own[name] is JsonValue value && uint.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : null;

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string ClassName(LambdaFunctionDescription description) => description.HandlerType[(description.HandlerType.LastIndexOf('.') + 1)..];

    private static string Show(string? value) => value ?? "not set";

    private static string Show(uint value) => value == 0 ? "not set" : value.ToString(CultureInfo.InvariantCulture);
}
