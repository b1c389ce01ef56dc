using System.Text;
using System.Text.Json.Nodes;
using Reader = PcsAutomation.LocalAws.EventBridge.RequestReader;

namespace PcsAutomation.LocalAws.DynamoDb;

/// <summary>
/// DynamoDB's awsJson1_0 API (<c>X-Amz-Target: DynamoDB_20120810.&lt;Operation&gt;</c>): tables and the single-item
/// operations with condition, update and projection expressions (what a lease table needs), Query and Scan, and TTL
/// deletions on the clock (<see cref="TimeToLiveSweeper"/>).
/// </summary>
/// <param name="time">The clock (creation times, TTL).</param>
/// <param name="region">Region in ARNs.</param>
/// <param name="accountId">Account in ARNs.</param>
/// <param name="timeToLiveDeletionDelay">How long after its TTL time an expired item is deleted; default <see cref="DefaultTimeToLiveDeletionDelay"/>.</param>
/// <param name="backgroundTimers">Where the TTL sweep's timer lives; default <paramref name="time"/> (the emulator passes a view of its
/// clock that "run until idle" does not wait for, as TTL deletions are background work).</param>
public sealed partial class DynamoDbService(TimeProvider time, string region = "us-east-1", string accountId = "123456789012",
    TimeSpan? timeToLiveDeletionDelay = null, TimeProvider? backgroundTimers = null)
{
    /// <summary>
    /// 48 hours: "DynamoDB typically deletes expired items within two days of expiration"
    /// (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html).
    /// </summary>
    public static readonly TimeSpan DefaultTimeToLiveDeletionDelay = TimeSpan.FromHours(48);

    /// <summary>The X-Amz-Target prefix of this service.</summary>
    public const string TargetPrefix = "DynamoDB_20120810";

    /// <summary>DynamoDB's item size limit.</summary>
    private const int MaxItemBytes = 400 * 1024;

    private readonly Dictionary<string, DynamoTable> tables = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private TimeToLiveSweeper? sweeper;

    /// <summary>How long after its TTL time an expired item is deleted.</summary>
    public TimeSpan TimeToLiveDeletionDelay => TimeToLive.DeletionDelay;

    private TimeToLiveSweeper TimeToLive => sweeper ??= new TimeToLiveSweeper(backgroundTimers ?? time,
        timeToLiveDeletionDelay ?? DefaultTimeToLiveDeletionDelay, gate, t => tables.TryGetValue(t.Name, out var live) && ReferenceEquals(live, t));

    /// <summary>Runs one operation; errors are <see cref="AwsServiceException"/> with the real codes. A failed condition
    /// check with <c>ReturnValuesOnConditionCheckFailure: ALL_OLD</c> carries the item in <c>exception.Members["Item"]</c>.</summary>
    public JsonNode Invoke(string operation, JsonObject request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (gate)
        {
            return operation switch
            {
                "CreateTable" => CreateTable(request),
                "DescribeTable" => DescribeTable(request),
                "DeleteTable" => DeleteTable(request),
                "ListTables" => ListTables(request),
                "UpdateTimeToLive" => UpdateTimeToLive(request),
                "DescribeTimeToLive" => DescribeTimeToLive(request),
                "PutItem" => PutItem(request),
                "GetItem" => GetItem(request),
                "UpdateItem" => UpdateItem(request),
                "DeleteItem" => DeleteItem(request),
                "Query" => Query(request),
                "Scan" => Scan(request),
                _ => throw new AwsServiceException("UnknownOperationException", $"Operation {operation} is not supported."),
            };
        }
    }

    /// <summary>A table by name, for inspection, or null.</summary>
    public DynamoTable? FindTable(string name)
    {
        lock (gate)
            return tables.GetValueOrDefault(name);
    }

    private JsonObject PutItem(JsonObject request)
    {
        var table = ItemTable(request);
        var item = Item(request, "Item");
        var key = table.KeyOfItem(item);
        var returnValues = ReturnValues(request, "ALL_OLD");
        var expressions = new ExpressionContext(Names(request), Values(request));
        var condition = OptionalCondition(request, expressions);
        RejectPlaceholdersWithoutExpressions(request, condition is not null);
        expressions.RejectUnused();
        var old = table.Items.GetValueOrDefault(key);
        CheckCondition(request, condition, old);
        table.Items[key] = item;
        TimeToLive.Written(table, key, item);
        return Result(request, table, returnValues == "ALL_OLD" ? old : null);
    }

    private JsonObject GetItem(JsonObject request)
    {
        var table = ItemTable(request);
        var key = table.KeyOfKey(Item(request, "Key"));
        _ = Reader.OptionalBool(request, "ConsistentRead");
        var expressions = new ExpressionContext(Names(request), null);
        var projection = Reader.OptionalString(request, "ProjectionExpression") is { } text
            ? ProjectionExpression.Parse(NotEmpty(text, "ProjectionExpression"), expressions)
            : null;
        if (projection is null && expressions.HasNames)
            throw AttributeValues.Invalid("ExpressionAttributeNames can only be specified when using expressions");
        expressions.RejectUnused();
        var result = new JsonObject();
        if (table.Items.TryGetValue(key, out var item))
            result["Item"] = projection?.Apply(item) ?? item.DeepClone();
        AddConsumedCapacity(request, table, result);
        return result;
    }

    private JsonObject UpdateItem(JsonObject request)
    {
        var table = ItemTable(request);
        var keyJson = Item(request, "Key");
        var key = table.KeyOfKey(keyJson);
        var returnValues = ReturnValues(request, "ALL_OLD", "ALL_NEW", "UPDATED_OLD", "UPDATED_NEW");
        var expressions = new ExpressionContext(Names(request), Values(request));
        var update = Reader.OptionalString(request, "UpdateExpression") is { } text ? UpdateExpression.Parse(NotEmpty(text, "UpdateExpression"), expressions) : null;
        var condition = OptionalCondition(request, expressions);
        RejectPlaceholdersWithoutExpressions(request, condition is not null || update is not null);
        expressions.RejectUnused();
        if (update?.TouchedAttributes.FirstOrDefault(table.IsKeyAttribute) is { } keyName)
            throw AttributeValues.Invalid($"One or more parameter values were invalid: Cannot update attribute {keyName}. This attribute is part of the key");
        var old = table.Items.GetValueOrDefault(key);
        CheckCondition(request, condition, old);
        var updated = old?.DeepClone().AsObject() ?? table.KeyPart(keyJson);
        update?.Apply(updated);
        CheckSize(updated);
        table.Items[key] = updated;
        TimeToLive.Written(table, key, updated);
        var touched = update?.TouchedAttributes.ToHashSet(StringComparer.Ordinal) ?? [];
        return Result(request, table, returnValues switch
        {
            "ALL_OLD" => old,
            "ALL_NEW" => updated,
            "UPDATED_OLD" => old is null ? null : Only(old, touched),
            "UPDATED_NEW" => Only(updated, touched),
            _ => null,
        });
    }

    private JsonObject DeleteItem(JsonObject request)
    {
        var table = ItemTable(request);
        var key = table.KeyOfKey(Item(request, "Key"));
        var returnValues = ReturnValues(request, "ALL_OLD");
        var expressions = new ExpressionContext(Names(request), Values(request));
        var condition = OptionalCondition(request, expressions);
        RejectPlaceholdersWithoutExpressions(request, condition is not null);
        expressions.RejectUnused();
        var old = table.Items.GetValueOrDefault(key);
        CheckCondition(request, condition, old);
        table.Items.Remove(key);
        TimeToLive.Deleted(table, key);
        return Result(request, table, returnValues == "ALL_OLD" ? old : null);
    }

    private static JsonObject Result(JsonObject request, DynamoTable table, JsonObject? attributes)
    {
        var result = new JsonObject();
        if (attributes is { Count: > 0 })
            result["Attributes"] = attributes.DeepClone();
        AddConsumedCapacity(request, table, result);
        return result;
    }

    private static void AddConsumedCapacity(JsonObject request, DynamoTable table, JsonObject result)
    {
        if (Reader.OptionalString(request, "ReturnConsumedCapacity") is "TOTAL" or "INDEXES")
            result["ConsumedCapacity"] = new JsonObject { ["TableName"] = table.Name, ["CapacityUnits"] = 1.0 };
    }

    private static JsonObject Only(JsonObject item, HashSet<string> names) =>
        new(item.Where(p => names.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));

    private static void CheckCondition(JsonObject request, Condition? condition, JsonObject? old)
    {
        if (condition is null || condition.Evaluate(old ?? []))
            return;
        var returnOld = old is not null && Reader.OptionalString(request, "ReturnValuesOnConditionCheckFailure") == "ALL_OLD";
        throw new AwsServiceException("ConditionalCheckFailedException", "The conditional request failed")
        {
            Members = returnOld ? new JsonObject { ["Item"] = old!.DeepClone() } : null,
        };
    }

    private static Condition? OptionalCondition(JsonObject request, ExpressionContext expressions) =>
        Reader.OptionalString(request, "ConditionExpression") is { } text ? Condition.Parse(NotEmpty(text, "ConditionExpression"), expressions) : null;

    private static string NotEmpty(string expression, string label) =>
        string.IsNullOrWhiteSpace(expression) ? throw AttributeValues.Invalid($"Invalid {label}: The expression can not be empty;") : expression;

    private static void RejectPlaceholdersWithoutExpressions(JsonObject request, bool hasExpression)
    {
        if (hasExpression)
            return;
        if (request["ExpressionAttributeNames"] is not null)
            throw AttributeValues.Invalid("ExpressionAttributeNames can only be specified when using expressions");
        if (request["ExpressionAttributeValues"] is not null)
            throw AttributeValues.Invalid("ExpressionAttributeValues can only be specified when using expressions");
    }

    private static JsonObject? Names(JsonObject request) => Reader.OptionalObject(request, "ExpressionAttributeNames");

    private static JsonObject? Values(JsonObject request) => Reader.OptionalObject(request, "ExpressionAttributeValues");

    private static string ReturnValues(JsonObject request, params string[] allowed)
    {
        var value = Reader.OptionalString(request, "ReturnValues") ?? "NONE";
        if (value is not ("NONE" or "ALL_OLD" or "UPDATED_OLD" or "ALL_NEW" or "UPDATED_NEW"))
            throw AttributeValues.Invalid($"1 validation error detected: Value '{value}' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");
        if (value != "NONE" && !allowed.Contains(value))
            throw AttributeValues.Invalid("ReturnValues can only be ALL_OLD or NONE");
        return value;
    }

    private static JsonObject Item(JsonObject request, string member)
    {
        var map = Reader.OptionalObject(request, member) ?? throw Reader.MissingMember(member);
        var item = new JsonObject();
        foreach (var (name, value) in map)
        {
            if (name.Length == 0)
                throw AttributeValues.Invalid("One or more parameter values were invalid: An AttributeValue may not contain an empty attribute name");
            item[name] = AttributeValues.Validate(value);
        }
        CheckSize(item);
        return item;
    }

    private static void CheckSize(JsonObject item)
    {
        if (Encoding.UTF8.GetByteCount(item.ToJsonString()) > MaxItemBytes)
            throw AttributeValues.Invalid("Item size has exceeded the maximum allowed size");
    }

    private DynamoTable ItemTable(JsonObject request)
    {
        var name = Reader.RequiredString(request, "TableName");
        return tables.GetValueOrDefault(name) ?? throw new AwsServiceException("ResourceNotFoundException", "Requested resource not found");
    }
}
