using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.DynamoDb;

/// <summary>
/// The <c>ExpressionAttributeNames</c> and <c>ExpressionAttributeValues</c> of one request, shared by its expressions,
/// recording which placeholders were used so that unused ones are rejected as DynamoDB does.
/// </summary>
internal sealed class ExpressionContext
{
    private readonly Dictionary<string, string> names;
    private readonly Dictionary<string, JsonObject> values;
    private readonly HashSet<string> usedNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> usedValues = new(StringComparer.Ordinal);

    public ExpressionContext(JsonObject? namesJson, JsonObject? valuesJson)
    {
        if (namesJson is { Count: 0 })
            throw AttributeValues.Invalid("ExpressionAttributeNames must not be empty");
        if (valuesJson is { Count: 0 })
            throw AttributeValues.Invalid("ExpressionAttributeValues must not be empty");
        names = (namesJson ?? []).ToDictionary(
            p => p.Key,
            p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new AwsServiceException("SerializationException", "Unexpected value type in payload"),
            StringComparer.Ordinal);
        values = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (key, value) in valuesJson ?? [])
        {
            try
            {
                values[key] = AttributeValues.Validate(value);
            }
            catch (AwsServiceException e) when (e.Code == "ValidationException")
            {
                throw AttributeValues.Invalid($"ExpressionAttributeValues contains invalid value: {e.Message} for key {key}");
            }
        }
    }

    public bool HasNames => names.Count > 0;

    public bool HasValues => values.Count > 0;

    public string Name(string placeholder, string label)
    {
        if (!names.TryGetValue(placeholder, out var name))
            throw AttributeValues.Invalid($"Invalid {label}: An expression attribute name used in the document path is not defined; attribute name: {placeholder}");
        usedNames.Add(placeholder);
        return name;
    }

    public JsonObject Value(string placeholder, string label)
    {
        if (!values.TryGetValue(placeholder, out var value))
            throw AttributeValues.Invalid($"Invalid {label}: An expression attribute value used in expression is not defined; attribute value: {placeholder}");
        usedValues.Add(placeholder);
        return value;
    }

    /// <summary>Throws when a supplied placeholder was used by none of the request's expressions.</summary>
    public void RejectUnused()
    {
        var unusedNames = names.Keys.Where(k => !usedNames.Contains(k)).ToList();
        if (unusedNames.Count > 0)
            throw AttributeValues.Invalid($"Value provided in ExpressionAttributeNames unused in expressions: keys: {{{string.Join(", ", unusedNames)}}}");
        var unusedValues = values.Keys.Where(k => !usedValues.Contains(k)).ToList();
        if (unusedValues.Count > 0)
            throw AttributeValues.Invalid($"Value provided in ExpressionAttributeValues unused in expressions: keys: {{{string.Join(", ", unusedValues)}}}");
    }
}
