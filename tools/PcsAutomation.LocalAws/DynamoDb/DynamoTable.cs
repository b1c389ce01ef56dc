using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.DynamoDb;

/// <summary>A key schema element: the attribute name and its scalar type (S, N or B).</summary>
public sealed record KeyElement(string Name, string Type);

/// <summary>One table: key schema, settings and items (keyed by their canonical primary key).</summary>
public sealed class DynamoTable
{
    internal DynamoTable(string name, KeyElement hashKey, KeyElement? rangeKey, string billingMode, long readCapacity, long writeCapacity, DateTimeOffset createdAt, string arn)
    {
        (Name, HashKey, RangeKey, BillingMode, ReadCapacity, WriteCapacity, CreatedAt, Arn) =
            (name, hashKey, rangeKey, billingMode, readCapacity, writeCapacity, createdAt, arn);
    }

    public string Name { get; }

    public KeyElement HashKey { get; }

    public KeyElement? RangeKey { get; }

    public string BillingMode { get; }

    public long ReadCapacity { get; }

    public long WriteCapacity { get; }

    public DateTimeOffset CreatedAt { get; }

    public string Arn { get; }

    /// <summary>The TTL attribute set by UpdateTimeToLive; items whose value in it has passed are deleted (<see cref="TimeToLiveSweeper"/>).</summary>
    public string? TimeToLiveAttribute { get; internal set; }

    internal Dictionary<string, JsonObject> Items { get; } = new(StringComparer.Ordinal);

    /// <summary>A copy of the items, for inspection.</summary>
    public IReadOnlyList<JsonObject> Snapshot() => Items.Values.Select(i => i.DeepClone().AsObject()).ToList();

    public IEnumerable<KeyElement> KeyAttributes => RangeKey is null ? [HashKey] : [HashKey, RangeKey];

    public bool IsKeyAttribute(string name) => KeyAttributes.Any(k => k.Name == name);

    /// <summary>The canonical key of a full item (PutItem), with PutItem's messages for a missing or mistyped key.</summary>
    internal string KeyOfItem(JsonObject item)
    {
        foreach (var key in KeyAttributes)
        {
            if (item[key.Name] is not JsonObject value)
                throw AttributeValues.Invalid($"One or more parameter values were invalid: Missing the key {key.Name} in the item");
            if (AttributeValues.TypeOf(value) != key.Type)
                throw AttributeValues.Invalid($"One or more parameter values were invalid: Type mismatch for key {key.Name} expected: {key.Type} actual: {AttributeValues.TypeOf(value)}");
            RejectEmpty(key, value);
        }
        return Canonical(item);
    }

    /// <summary>The canonical key of a <c>Key</c> parameter: exactly the key attributes, with the right types.</summary>
    internal string KeyOfKey(JsonObject key)
    {
        if (key.Count != KeyAttributes.Count() || KeyAttributes.Any(k => key[k.Name] is not JsonObject v || AttributeValues.TypeOf(v) != k.Type))
            throw AttributeValues.Invalid("The provided key element does not match the schema");
        foreach (var k in KeyAttributes)
            RejectEmpty(k, (JsonObject)key[k.Name]!);
        return Canonical(key);
    }

    internal JsonObject KeyPart(JsonObject item) =>
        new(KeyAttributes.Select(k => KeyValuePair.Create(k.Name, item[k.Name]?.DeepClone())));

    private string Canonical(JsonObject item) =>
        string.Join('\u0001', KeyAttributes.Select(k => AttributeValues.Inner((JsonObject)item[k.Name]!).GetValue<string>()));

    private static void RejectEmpty(KeyElement key, JsonObject value)
    {
        if (AttributeValues.Inner(value).GetValue<string>().Length == 0)
            throw AttributeValues.Invalid($"One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty {(key.Type == "B" ? "binary" : "string")} value. Key: {key.Name}");
    }
}
