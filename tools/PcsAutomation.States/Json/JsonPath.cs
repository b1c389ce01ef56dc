using System.Text.Json.Nodes;

namespace PcsAutomation.States.Json;

/// <summary>
/// A parsed JSONPath (<c>$.a.b[0]</c>, <c>$..x</c>, <c>$.a[*].b</c>, <c>$.a[?(@.n &gt; 1)]</c>) or a context path
/// (<c>$$.Execution.Id</c>). A definite path selects one node; any other selects a list, as Step Functions does.
/// </summary>
public sealed class JsonPath
{
    private readonly IReadOnlyList<JsonPathSegment> segments;

    internal JsonPath(string text, bool isContext, IReadOnlyList<JsonPathSegment> segments)
    {
        Text = text;
        IsContext = isContext;
        this.segments = segments;
    }

    public string Text { get; }

    /// <summary>True for <c>$$...</c> paths, evaluated against the context object.</summary>
    public bool IsContext { get; }

    public bool IsDefinite => segments.All(s => s.IsDefinite);

    /// <summary>A reference path (ResultPath, Choice Variable) only names members and indexes.</summary>
    public bool IsReference => segments.All(s => s is MemberSegment or IndexSegment);

    internal IReadOnlyList<JsonPathSegment> Segments => segments;

    public static JsonPath Parse(string text) => JsonPathParser.Parse(text);

    public static bool TryParse(string text, out JsonPath? path, out string error)
    {
        try
        {
            path = Parse(text);
            error = "";
            return true;
        }
        catch (FormatException e)
        {
            path = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>
    /// Definite path: the one node (false when absent). Indefinite: a new array of every match (always true).
    /// Returned nodes still belong to their document: clone before storing them elsewhere.
    /// </summary>
    public bool TrySelect(JsonNode? root, out JsonNode? value)
    {
        if (IsDefinite)
            return TrySelectSingle(root, out value);
        var current = new List<JsonNode?> { root };
        foreach (var segment in segments)
        {
            var next = new List<JsonNode?>();
            foreach (var node in current)
                segment.Select(node, next);
            current = next;
        }

        value = new JsonArray(current.Select(JsonValues.Clone).ToArray());
        return true;
    }

    internal bool TrySelectSingle(JsonNode? root, out JsonNode? value)
    {
        var node = root;
        var buffer = new List<JsonNode?>(1);
        foreach (var segment in segments)
        {
            buffer.Clear();
            segment.Select(node, buffer);
            if (buffer.Count != 1)
            {
                value = null;
                return false;
            }

            node = buffer[0];
        }

        value = node;
        return true;
    }

    public override string ToString() => Text;
}
