using System.Text.Json.Nodes;
using Reader = PcsAutomation.LocalAws.EventBridge.RequestReader;

namespace PcsAutomation.LocalAws.DynamoDb;

/// <summary>
/// Query and Scan over the table itself (no secondary indexes): <c>KeyConditionExpression</c> (partition key equality,
/// optionally a sort key comparison, BETWEEN or begins_with), <c>FilterExpression</c> and <c>ProjectionExpression</c>
/// through the same expression parser as the item operations, <c>Limit</c> / <c>ExclusiveStartKey</c> /
/// <c>LastEvaluatedKey</c> paging, <c>ScanIndexForward</c> and <c>Select: COUNT</c>. As in DynamoDB ("Query" and
/// "Scan" in the API reference), <c>Limit</c> bounds the items <i>evaluated</i>, before the filter, so a page can be
/// empty and still carry a <c>LastEvaluatedKey</c>. Items come in key order (partition, then sort key); the 1 MB page
/// limit is not emulated.
/// </summary>
public sealed partial class DynamoDbService
{
    private JsonObject Query(JsonObject request)
    {
        var table = ItemTable(request);
        var expressions = new ExpressionContext(Names(request), Values(request));
        var keyText = Reader.OptionalString(request, "KeyConditionExpression")
            ?? throw AttributeValues.Invalid("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        var keyCondition = Condition.Parse(NotEmpty(keyText, "KeyConditionExpression"), expressions, "KeyConditionExpression");
        CheckKeyCondition(table, keyCondition);
        var candidates = table.Items.Values.Where(keyCondition.Evaluate);
        var ordered = table.RangeKey is { } range
            ? candidates.OrderBy(i => (JsonObject)i[range.Name]!, Comparer<JsonObject>.Create((a, b) => AttributeValues.Compare(a, b) ?? 0))
            : candidates.OrderBy(i => i.ToJsonString(), StringComparer.Ordinal);
        var backward = request["ScanIndexForward"] is not null && !Reader.OptionalBool(request, "ScanIndexForward");
        var items = backward ? ordered.Reverse().ToList() : ordered.ToList();
        return Page(request, table, items, expressions);
    }

    private JsonObject Scan(JsonObject request)
    {
        var table = ItemTable(request);
        var expressions = new ExpressionContext(Names(request), Values(request));
        var items = table.Items.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value).ToList();
        return Page(request, table, items, expressions);
    }

    private static JsonObject Page(JsonObject request, DynamoTable table, List<JsonObject> items, ExpressionContext expressions)
    {
        var filter = Reader.OptionalString(request, "FilterExpression") is { } filterText
            ? Condition.Parse(NotEmpty(filterText, "FilterExpression"), expressions, "FilterExpression")
            : null;
        var projection = Reader.OptionalString(request, "ProjectionExpression") is { } projectionText
            ? ProjectionExpression.Parse(NotEmpty(projectionText, "ProjectionExpression"), expressions)
            : null;
        expressions.RejectUnused();
        var limit = Reader.OptionalInt(request, "Limit");
        if (limit is < 1)
            throw AttributeValues.Invalid($"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        var start = 0;
        if (Reader.OptionalObject(request, "ExclusiveStartKey") is { } startKey)
        {
            var key = table.KeyOfKey(startKey);
            var index = items.FindIndex(i => table.KeyOfItem(i) == key);
            start = index < 0 ? items.Count : index + 1;
        }
        var evaluated = items.Skip(start).Take(limit ?? int.MaxValue).ToList();
        var matching = evaluated.Where(i => filter?.Evaluate(i) ?? true).ToList();
        var result = new JsonObject { ["Count"] = matching.Count, ["ScannedCount"] = evaluated.Count };
        if (Reader.OptionalString(request, "Select") != "COUNT")
            result["Items"] = new JsonArray([.. matching.Select(i => (JsonNode)(projection?.Apply(i) ?? i.DeepClone()))]);
        if (limit is { } l && evaluated.Count == l && start + l < items.Count)
            result["LastEvaluatedKey"] = table.KeyPart(evaluated[^1]);
        AddConsumedCapacity(request, table, result);
        return result;
    }

    // DynamoDB: the partition key with "=", and at most one condition on the sort key, joined by AND.
    private static void CheckKeyCondition(DynamoTable table, Condition condition)
    {
        var parts = condition is And and ? new[] { and.Left, and.Right } : [condition];
        var onHash = parts.Count(p => p is Comparison { Operator: "=" } c && KeyName(c) == table.HashKey.Name);
        if (onHash != 1)
            throw AttributeValues.Invalid($"Query condition missed key schema element: {table.HashKey.Name}");
        foreach (var part in parts)
        {
            var name = part switch
            {
                Comparison c => KeyName(c),
                Between { Value: PathOperand p } => p.Path.TopName,
                BeginsWith b => b.Path.TopName,
                _ => null,
            };
            if (name is null || (name != table.HashKey.Name && name != table.RangeKey?.Name))
                throw AttributeValues.Invalid("Query key condition not supported");
        }
    }

    private static string? KeyName(Comparison comparison) => comparison switch
    {
        { Left: PathOperand p, Right: ValueOperand } => p.Path.TopName,
        { Left: ValueOperand, Right: PathOperand p } => p.Path.TopName,
        _ => null,
    };
}
