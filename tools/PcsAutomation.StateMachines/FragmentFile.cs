using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PcsAutomation.StateMachines;

/// <summary>
/// Reads one fragment file:
/// <code>
/// { "Comment": "what it does, what it reads from the state",
///   "Parameters": { "next": { "Comment": "the state after it" }, "maxChecks": { "Comment": "...", "Default": 20 } },
///   "Fragment": { "{{name}}": { "Type": "Task", ..., "Next": "{{next}}" } } }
/// </code>
/// Every placeholder in the body is declared and every declared parameter is used, so a typo fails here, once. A
/// parameter's <c>Default</c> may be another parameter, <c>"{{event}}"</c>: left out, it takes that parameter's value.
/// </summary>
public static partial class FragmentFile
{
    private static readonly string[] TopLevelKeys = ["Comment", "Parameters", "Fragment"];
    private static readonly string[] ParameterKeys = ["Comment", "Default"];

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex FragmentName();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();

    /// <summary>Parses the fragment <paramref name="name"/> from <paramref name="text"/>; <paramref name="origin"/> names the file in messages.</summary>
    public static Fragment Parse(string name, string text, string origin)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!FragmentName().IsMatch(name))
            throw new FragmentException($"{origin}: a fragment's file name is lower-case words joined by '-' (lease-acquire.json), not '{name}.json'");
        if (JsonText.Parse(text, origin) is not JsonObject file)
            throw new FragmentException($"{origin}: a fragment file is an object with {string.Join(", ", TopLevelKeys)}");
        Unknown(file, TopLevelKeys, origin);

        var comment = RequiredText(file, "Comment", origin);
        var body = file["Fragment"] ?? throw new FragmentException($"{origin}: Fragment is missing (the JSON the fragment stands for)");
        var parameters = file["Parameters"] switch
        {
            null => new Dictionary<string, FragmentParameter>(StringComparer.Ordinal),
            JsonObject declared => declared.ToDictionary(p => p.Key, p => Parameter(p.Key, p.Value, $"{origin}: Parameters.{p.Key}"), StringComparer.Ordinal),
            _ => throw new FragmentException($"{origin}: Parameters must be an object of {{ \"name\": {{ \"Comment\": \"...\" }} }}"),
        };

        CheckDefaultsOfParameters(parameters, origin);
        var used = Placeholders.Names(body, $"{origin}: Fragment");
        foreach (var undeclared in used.Where(n => !parameters.ContainsKey(n)).Order(StringComparer.Ordinal))
            throw new FragmentException($"{origin}: {{{{{undeclared}}}}} is used in Fragment but not declared in Parameters");
        foreach (var unused in parameters.Keys.Where(n => !used.Contains(n)).Order(StringComparer.Ordinal))
            throw new FragmentException($"{origin}: parameter '{unused}' is declared but Fragment never uses {{{{{unused}}}}}");
        return new Fragment(name, comment, parameters, body, origin);
    }

    private static FragmentParameter Parameter(string name, JsonNode? node, string where)
    {
        if (!ParameterName().IsMatch(name))
            throw new FragmentException($"{where}: a parameter name is letters and digits, starting with a letter");
        if (node is not JsonObject declared)
            throw new FragmentException($"{where}: declare a parameter as {{ \"Comment\": \"what it means\" }}, with \"Default\" when it may be left out");
        Unknown(declared, ParameterKeys, where);
        var comment = RequiredText(declared, "Comment", where);
        var value = declared["Default"];
        if (value is JsonValue text && text.GetValueKind() == JsonValueKind.String && text.GetValue<string>().Contains(Placeholders.Opening, StringComparison.Ordinal))
        {
            var other = Placeholders.Names(value, $"{where}.Default");
            var whole = other.Count == 1 && text.GetValue<string>() == $"{{{{{other.First()}}}}}";
            return whole
                ? new FragmentParameter(name, comment, null, HasDefault: true, DefaultOf: other.First())
                : throw new FragmentException($"{where}: a Default with a placeholder must be exactly one, \"{{{{parameter}}}}\" (another parameter's value), not '{text.GetValue<string>()}'");
        }
        return new FragmentParameter(name, comment, value?.DeepClone(), declared.ContainsKey("Default"));
    }

    /// <summary>A default naming another parameter names a declared one whose own default is a value (no chains, no cycles).</summary>
    private static void CheckDefaultsOfParameters(Dictionary<string, FragmentParameter> parameters, string origin)
    {
        foreach (var parameter in parameters.Values.Where(p => p.DefaultOf is not null))
        {
            var where = $"{origin}: Parameters.{parameter.Name}.Default";
            if (!parameters.TryGetValue(parameter.DefaultOf!, out var other) || other.Name == parameter.Name)
                throw new FragmentException($"{where}: {{{{{parameter.DefaultOf}}}}} is not another parameter of the fragment");
            if (other.DefaultOf is not null)
                throw new FragmentException($"{where}: {{{{{other.Name}}}}} has a parameter as its default too; name one whose value is given or a plain default");
        }
    }

    private static string RequiredText(JsonObject obj, string key, string where) =>
        obj[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Trim().Length > 0
            ? value.GetValue<string>()
            : throw new FragmentException($"{where}: {key} must be a non-empty string");

    private static void Unknown(JsonObject obj, string[] allowed, string where)
    {
        foreach (var key in obj.Select(p => p.Key).Where(k => !allowed.Contains(k, StringComparer.Ordinal)))
            throw new FragmentException($"{where}: unknown key '{key}' (allowed: {string.Join(", ", allowed)})");
    }
}
