using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.DynamoDb;

/// <summary>A document path (<c>a.b[2].c</c>) with placeholders already resolved; elements are names or list indexes.</summary>
internal sealed record DocumentPath(IReadOnlyList<object> Elements)
{
    public string TopName => (string)Elements[0];

    public override string ToString() =>
        string.Concat(Elements.Select((e, i) => e is int n ? $"[{n}]" : (i == 0 ? "" : ".") + e));

    /// <summary>The value at this path in an item (a map of attribute values), or null when absent.</summary>
    public JsonObject? Get(JsonObject item)
    {
        JsonObject? current = item[TopName] as JsonObject;
        foreach (var element in Elements.Skip(1))
        {
            current = (current, element) switch
            {
                ({ } c, string name) when AttributeValues.TypeOf(c) == "M" => AttributeValues.Inner(c).AsObject()[name] as JsonObject,
                ({ } c, int index) when AttributeValues.TypeOf(c) == "L" && index < AttributeValues.Inner(c).AsArray().Count
                    => AttributeValues.Inner(c).AsArray()[index] as JsonObject,
                _ => null,
            };
        }
        return current;
    }

    /// <summary>Sets the value; the parent must exist. A list index past the end appends, as DynamoDB does.</summary>
    public void Set(JsonObject item, JsonObject value)
    {
        if (Elements.Count == 1)
        {
            item[TopName] = value;
            return;
        }
        var parent = Parent(item) ?? throw InvalidPath();
        switch (Elements[^1], AttributeValues.TypeOf(parent))
        {
            case (string name, "M"):
                AttributeValues.Inner(parent).AsObject()[name] = value;
                break;
            case (int index, "L"):
                var list = AttributeValues.Inner(parent).AsArray();
                if (index < list.Count)
                    list[index] = value;
                else
                    list.Add(value);
                break;
            default:
                throw InvalidPath();
        }
    }

    /// <summary>Removes the value if present (list elements after it shift down).</summary>
    public void Remove(JsonObject item)
    {
        if (Elements.Count == 1)
        {
            item.Remove(TopName);
            return;
        }
        var parent = Parent(item);
        switch (Elements[^1], parent is null ? null : AttributeValues.TypeOf(parent))
        {
            case (string name, "M"):
                AttributeValues.Inner(parent!).AsObject().Remove(name);
                break;
            case (int index, "L") when index < AttributeValues.Inner(parent!).AsArray().Count:
                AttributeValues.Inner(parent!).AsArray().RemoveAt(index);
                break;
            case (_, null):
                break;
            default:
                throw InvalidPath();
        }
    }

    /// <summary>True when one path is a prefix of the other (DynamoDB refuses overlapping paths in one update).</summary>
    public bool Overlaps(DocumentPath other) =>
        Elements.Zip(other.Elements).All(p => Equals(p.First, p.Second));

    private JsonObject? Parent(JsonObject item) => new DocumentPath(Elements.Take(Elements.Count - 1).ToList()).Get(item);

    private static AwsServiceException InvalidPath() =>
        AttributeValues.Invalid("The document path provided in the update expression is invalid for update");
}
