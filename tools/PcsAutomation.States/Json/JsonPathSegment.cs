using System.Text.Json.Nodes;

namespace PcsAutomation.States.Json;

/// <summary>One step of a JSONPath: a member, an index, a wildcard, a slice, a union, a filter, or a recursive descent.</summary>
internal abstract record JsonPathSegment
{
    /// <summary>True when the step selects at most one node (a member name or a single index).</summary>
    public virtual bool IsDefinite => false;

    public abstract void Select(JsonNode? node, List<JsonNode?> results);
}

internal sealed record MemberSegment(string Name) : JsonPathSegment
{
    public override bool IsDefinite => true;

    public override void Select(JsonNode? node, List<JsonNode?> results)
    {
        if (node is JsonObject obj && obj.TryGetPropertyValue(Name, out var value))
            results.Add(value);
    }
}

internal sealed record IndexSegment(int Index) : JsonPathSegment
{
    public override bool IsDefinite => true;

    public override void Select(JsonNode? node, List<JsonNode?> results)
    {
        if (node is not JsonArray array)
            return;
        var i = Index < 0 ? array.Count + Index : Index;
        if (i >= 0 && i < array.Count)
            results.Add(array[i]);
    }
}

internal sealed record WildcardSegment : JsonPathSegment
{
    public override void Select(JsonNode? node, List<JsonNode?> results)
    {
        if (node is JsonArray array)
            results.AddRange(array);
        else if (node is JsonObject obj)
            results.AddRange(obj.Select(p => p.Value));
    }
}

internal sealed record UnionSegment(IReadOnlyList<JsonPathSegment> Parts) : JsonPathSegment
{
    public override void Select(JsonNode? node, List<JsonNode?> results)
    {
        foreach (var part in Parts)
            part.Select(node, results);
    }
}

internal sealed record SliceSegment(int? Start, int? End, int Step) : JsonPathSegment
{
    public override void Select(JsonNode? node, List<JsonNode?> results)
    {
        if (node is not JsonArray array || Step == 0)
            return;
        int Normalize(int i) => i < 0 ? Math.Max(0, array.Count + i) : Math.Min(i, array.Count);
        if (Step > 0)
        {
            for (var i = Normalize(Start ?? 0); i < Normalize(End ?? array.Count); i += Step)
                results.Add(array[i]);
        }
        else
        {
            var start = Start is { } s ? Math.Min(Normalize(s), array.Count - 1) : array.Count - 1;
            var end = End is { } e ? Normalize(e) : -1;
            for (var i = start; i > end; i += Step)
                results.Add(array[i]);
        }
    }
}

/// <summary><c>..name</c> or <c>..*</c>: the node and all its descendants, then the inner step on each.</summary>
internal sealed record DescentSegment(JsonPathSegment Inner) : JsonPathSegment
{
    public override void Select(JsonNode? node, List<JsonNode?> results)
    {
        Inner.Select(node, results);
        if (node is JsonArray array)
        {
            foreach (var item in array)
                Select(item, results);
        }
        else if (node is JsonObject obj)
        {
            foreach (var property in obj)
                Select(property.Value, results);
        }
    }
}

/// <summary><c>[?(@.a)]</c> or <c>[?(@.a op literal)]</c> over the elements of an array (or the values of an object).</summary>
internal sealed record FilterSegment(JsonPath Relative, string? Operator, JsonNode? Literal) : JsonPathSegment
{
    public override void Select(JsonNode? node, List<JsonNode?> results)
    {
        IEnumerable<JsonNode?> candidates = node switch
        {
            JsonArray array => array,
            JsonObject obj => obj.Select(p => p.Value),
            _ => [],
        };
        foreach (var candidate in candidates)
        {
            if (Matches(candidate))
                results.Add(candidate);
        }
    }

    private bool Matches(JsonNode? candidate)
    {
        if (!Relative.TrySelectSingle(candidate, out var value))
            return false;
        if (Operator is null)
            return true;
        var comparison = JsonValues.Compare(value, Literal);
        return Operator switch
        {
            "==" => JsonNode.DeepEquals(value, Literal),
            "!=" => !JsonNode.DeepEquals(value, Literal),
            "<" => comparison is < 0,
            "<=" => comparison is <= 0,
            ">" => comparison is > 0,
            ">=" => comparison is >= 0,
            _ => false,
        };
    }
}
