using System.Text.Json;
using System.Text.Json.Nodes;

namespace PcsAutomation.StateMachines;

/// <summary>
/// Replaces fragment references, <c>{ "$fragment": "name", "parameter": value, ... }</c>, by what the fragments stand
/// for, in place and in order:
/// <list type="bullet">
/// <item>as an object member (<c>"NotifyStarting": { "$fragment": "notify", ... }</c> inside <c>States</c>), the
///   fragment gives members (states) that take the reference's place; the member's key is its <c>name</c> argument and
///   must be one of the members it gives, so <c>"Next": "NotifyStarting"</c> reads true in the source;</item>
/// <item>as an array element (<c>"Retry": [ { "$fragment": "lambda-retry" } ]</c>), the fragment gives that element
///   (or, when it is an array, its elements).</item>
/// </list>
/// Fragments may reference fragments; a cycle is an error. Pure: JSON in, JSON out.
/// </summary>
public sealed class Expander(FragmentLibrary library)
{
    /// <summary>The key that makes an object a reference.</summary>
    public const string ReferenceKey = "$fragment";

    private readonly Stack<string> active = new();
    private readonly SortedSet<string> used = new(StringComparer.Ordinal);

    /// <summary>The fragments expanded so far, nested ones included, in name order.</summary>
    public IReadOnlyCollection<string> Used => used;

    /// <summary>A copy of <paramref name="node"/> with every reference expanded; <paramref name="where"/> starts each message.</summary>
    public JsonNode? Expand(JsonNode? node, string where)
    {
        if (IsReference(node))
            throw new FragmentException($"{where}: a fragment reference stands for object members or array elements, not a whole value");
        return ExpandNode(node, where);
    }

    private JsonNode? ExpandNode(JsonNode? node, string where)
    {
        switch (node)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (IsReference(value))
                    {
                        var members = Instantiate(value!.AsObject(), key, $"{where}.{key}") as JsonObject
                            ?? throw new FragmentException($"{where}.{key}: fragment '{FragmentName(value!.AsObject(), where)}' gives no object members to put here");
                        if (!members.ContainsKey(key))
                            throw new FragmentException($"{where}.{key}: fragment '{FragmentName(value!.AsObject(), where)}' gives {string.Join(", ", members.Select(m => m.Key))}, not '{key}'");
                        foreach (var (name, member) in members.ToList())
                        {
                            members.Remove(name);
                            Add(result, name, member, where);
                        }
                    }
                    else
                    {
                        Add(result, key, ExpandNode(value, $"{where}.{key}"), where);
                    }
                }
                return result;
            case JsonArray array:
                var items = new JsonArray();
                for (var i = 0; i < array.Count; i++)
                {
                    if (!IsReference(array[i]))
                    {
                        items.Add(ExpandNode(array[i], $"{where}[{i}]"));
                        continue;
                    }
                    var expanded = Instantiate(array[i]!.AsObject(), name: null, $"{where}[{i}]");
                    if (expanded is JsonArray spliced)
                    {
                        foreach (var item in spliced.ToList())
                        {
                            spliced.Remove(item);
                            items.Add(item);
                        }
                    }
                    else
                    {
                        items.Add(expanded);
                    }
                }
                return items;
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>The fragment's body with the reference's arguments substituted, its own references expanded.</summary>
    private JsonNode? Instantiate(JsonObject reference, string? name, string where)
    {
        var fragmentName = FragmentName(reference, where);
        var fragment = library.Get(fragmentName, where);
        if (active.Contains(fragmentName, StringComparer.Ordinal))
            throw new FragmentException($"{where}: fragment cycle {string.Join(" -> ", active.Reverse().Append(fragmentName))}");

        var arguments = Arguments(fragment, reference, name, where);
        var context = $"{fragment.Origin} (used at {where}) $";
        active.Push(fragmentName);
        try
        {
            var substituted = Placeholders.Substitute(fragment.Body, arguments, context);
            var expanded = Expand(substituted, context);
            used.Add(fragmentName);
            return expanded;
        }
        finally
        {
            active.Pop();
        }
    }

    private static Dictionary<string, JsonNode?> Arguments(Fragment fragment, JsonObject reference, string? name, string where)
    {
        var arguments = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in reference.Where(p => p.Key != ReferenceKey))
        {
            if (key == Fragment.NameParameter && name is not null)
                throw new FragmentException($"{where}: the key '{name}' is the fragment's name; leave \"{Fragment.NameParameter}\" out");
            if (!fragment.Parameters.ContainsKey(key))
                throw new FragmentException($"{where}: fragment '{fragment.Name}' has no parameter '{key}' (its parameters: {ParameterList(fragment)})");
            arguments[key] = value?.DeepClone();
        }
        if (name is not null)
        {
            if (!fragment.Parameters.ContainsKey(Fragment.NameParameter))
                throw new FragmentException($"{where}: fragment '{fragment.Name}' takes no name, so it cannot stand for members: use it as an array element");
            arguments[Fragment.NameParameter] = JsonValue.Create(name);
        }
        var left = fragment.Parameters.Values.Where(p => !arguments.ContainsKey(p.Name)).ToList();
        foreach (var parameter in left.Where(p => p.DefaultOf is null))
        {
            arguments[parameter.Name] = parameter.HasDefault
                ? parameter.Default?.DeepClone()
                : throw new FragmentException($"{where}: fragment '{fragment.Name}' needs \"{parameter.Name}\": {parameter.Comment}");
        }
        // Then the defaults that are another parameter's value (FragmentFile allows no chains, so one pass is enough).
        foreach (var parameter in left.Where(p => p.DefaultOf is not null))
            arguments[parameter.Name] = arguments[parameter.DefaultOf!]?.DeepClone();
        return arguments;
    }

    private static bool IsReference(JsonNode? node) => node is JsonObject obj && obj.ContainsKey(ReferenceKey);

    private static string FragmentName(JsonObject reference, string where) =>
        reference[ReferenceKey] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw new FragmentException($"{where}: {ReferenceKey} must name a fragment file (without .json), as a string");

    private static string ParameterList(Fragment fragment) =>
        fragment.Parameters.Count == 0 ? "none" : string.Join(", ", fragment.Parameters.Keys.Order(StringComparer.Ordinal));

    private static void Add(JsonObject target, string key, JsonNode? value, string where)
    {
        if (!target.TryAdd(key, value))
            throw new FragmentException($"{where}: '{key}' is defined twice (once by a fragment)");
    }
}
