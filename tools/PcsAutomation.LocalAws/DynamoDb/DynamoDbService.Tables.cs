using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Reader = PcsAutomation.LocalAws.EventBridge.RequestReader;

namespace PcsAutomation.LocalAws.DynamoDb;

/// <summary>Table operations: CreateTable, DescribeTable, DeleteTable, ListTables and the TTL setting.</summary>
public sealed partial class DynamoDbService
{
    [GeneratedRegex("^[a-zA-Z0-9_.-]{3,255}$")]
    private static partial Regex TableNamePattern();

    /// <summary>Creates a table directly (for the host, scenarios or template resources).</summary>
    public DynamoTable CreateTable(string name, KeyElement hashKey, KeyElement? rangeKey = null)
    {
        lock (gate)
            return AddTable(name, hashKey, rangeKey, "PAY_PER_REQUEST", 0, 0);
    }

    private JsonObject CreateTable(JsonObject request)
    {
        var name = TableName(request);
        var schema = Reader.OptionalArray(request, "KeySchema") ?? throw Reader.MissingMember("KeySchema");
        var definitions = Reader.OptionalArray(request, "AttributeDefinitions") ?? throw Reader.MissingMember("AttributeDefinitions");
        var types = definitions.Select(d => d as JsonObject ?? throw Reader.MissingMember("AttributeDefinitions"))
            .Select(d => (Name: Reader.RequiredString(d, "AttributeName"), Type: Reader.RequiredString(d, "AttributeType")))
            .ToList();
        foreach (var (_, type) in types.Where(t => t.Type is not ("S" or "N" or "B")))
            throw AttributeValues.Invalid($"1 validation error detected: Value '{type}' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
        var keys = schema.Select(k => k as JsonObject ?? throw Reader.MissingMember("KeySchema"))
            .Select(k => (Name: Reader.RequiredString(k, "AttributeName"), Kind: Reader.RequiredString(k, "KeyType")))
            .ToList();
        if (keys.Count is 0 or > 2 || keys[0].Kind != "HASH" || (keys.Count == 2 && keys[1].Kind != "RANGE"))
            throw AttributeValues.Invalid("1 validation error detected: Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        var undefined = keys.Where(k => types.All(t => t.Name != k.Name)).Select(k => k.Name).ToList();
        if (undefined.Count > 0)
            throw AttributeValues.Invalid($"One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [{string.Join(", ", undefined)}], AttributeDefinitions: [{string.Join(", ", types.Select(t => t.Name))}]");
        if (types.Count != keys.Count)
            throw AttributeValues.Invalid("One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        var billing = Reader.OptionalString(request, "BillingMode") ?? "PROVISIONED";
        var throughput = Reader.OptionalObject(request, "ProvisionedThroughput");
        var (read, write) = (Capacity(throughput, "ReadCapacityUnits"), Capacity(throughput, "WriteCapacityUnits"));
        if (billing == "PROVISIONED" && (read is null || write is null))
            throw AttributeValues.Invalid("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        if (billing == "PAY_PER_REQUEST" && throughput is not null)
            throw AttributeValues.Invalid("One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        if (billing is not ("PROVISIONED" or "PAY_PER_REQUEST"))
            throw AttributeValues.Invalid($"1 validation error detected: Value '{billing}' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
        KeyElement Key(int i) => new(keys[i].Name, types.Single(t => t.Name == keys[i].Name).Type);
        var table = AddTable(name, Key(0), keys.Count == 2 ? Key(1) : null, billing, read ?? 0, write ?? 0);
        // The real service answers CREATING and becomes ACTIVE moments later; here DescribeTable is ACTIVE at once.
        return new JsonObject { ["TableDescription"] = Describe(table, "CREATING") };
    }

    private JsonObject DescribeTable(JsonObject request) =>
        new() { ["Table"] = Describe(ExistingTable(request), "ACTIVE") };

    private JsonObject DeleteTable(JsonObject request)
    {
        var table = ExistingTable(request);
        tables.Remove(table.Name);
        return new JsonObject { ["TableDescription"] = Describe(table, "DELETING") };
    }

    private JsonObject ListTables(JsonObject request)
    {
        var start = Reader.OptionalString(request, "ExclusiveStartTableName");
        var limit = Reader.OptionalInt(request, "Limit") ?? 100;
        var names = tables.Keys.Order(StringComparer.Ordinal).Where(n => start is null || string.CompareOrdinal(n, start) > 0).ToList();
        var page = names.Take(limit).ToList();
        var result = new JsonObject { ["TableNames"] = new JsonArray(page.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()) };
        if (page.Count < names.Count)
            result["LastEvaluatedTableName"] = page[^1];
        return result;
    }

    private JsonObject UpdateTimeToLive(JsonObject request)
    {
        var table = ExistingTable(request);
        var specification = Reader.OptionalObject(request, "TimeToLiveSpecification") ?? throw Reader.MissingMember("TimeToLiveSpecification");
        var attribute = Reader.RequiredString(specification, "AttributeName");
        var enabled = Reader.OptionalBool(specification, "Enabled");
        table.TimeToLiveAttribute = enabled ? attribute : null;
        if (enabled) TimeToLive.Enabled(table);
        return new JsonObject { ["TimeToLiveSpecification"] = new JsonObject { ["AttributeName"] = attribute, ["Enabled"] = enabled } };
    }

    private JsonObject DescribeTimeToLive(JsonObject request)
    {
        var table = ExistingTable(request);
        var description = new JsonObject { ["TimeToLiveStatus"] = table.TimeToLiveAttribute is null ? "DISABLED" : "ENABLED" };
        if (table.TimeToLiveAttribute is { } attribute)
            description["AttributeName"] = attribute;
        return new JsonObject { ["TimeToLiveDescription"] = description };
    }

    private DynamoTable AddTable(string name, KeyElement hashKey, KeyElement? rangeKey, string billing, long read, long write)
    {
        if (tables.ContainsKey(name))
            throw new AwsServiceException("ResourceInUseException", $"Table already exists: {name}");
        var table = new DynamoTable(name, hashKey, rangeKey, billing, read, write, time.GetUtcNow(), $"arn:aws:dynamodb:{region}:{accountId}:table/{name}");
        tables[name] = table;
        return table;
    }

    private DynamoTable ExistingTable(JsonObject request)
    {
        var name = TableName(request);
        return tables.GetValueOrDefault(name)
            ?? throw new AwsServiceException("ResourceNotFoundException", $"Requested resource not found: Table: {name} not found");
    }

    private static string TableName(JsonObject request)
    {
        var name = Reader.RequiredString(request, "TableName");
        if (!TableNamePattern().IsMatch(name))
            throw AttributeValues.Invalid($"1 validation error detected: Value '{name}' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+ and have length between 3 and 255");
        return name;
    }

    private static long? Capacity(JsonObject? throughput, string member) =>
        throughput?[member] is JsonValue v && v.TryGetValue<long>(out var units) && units > 0 ? units : null;

    private static JsonObject Describe(DynamoTable table, string status) => new()
    {
        ["TableName"] = table.Name,
        ["TableArn"] = table.Arn,
        ["TableStatus"] = status,
        ["CreationDateTime"] = table.CreatedAt.ToUnixTimeMilliseconds() / 1000.0,
        ["KeySchema"] = new JsonArray(table.KeyAttributes.Select((k, i) => (JsonNode)new JsonObject { ["AttributeName"] = k.Name, ["KeyType"] = i == 0 ? "HASH" : "RANGE" }).ToArray()),
        ["AttributeDefinitions"] = new JsonArray(table.KeyAttributes.Select(k => (JsonNode)new JsonObject { ["AttributeName"] = k.Name, ["AttributeType"] = k.Type }).ToArray()),
        ["ProvisionedThroughput"] = new JsonObject { ["NumberOfDecreasesToday"] = 0, ["ReadCapacityUnits"] = table.ReadCapacity, ["WriteCapacityUnits"] = table.WriteCapacity },
        ["BillingModeSummary"] = new JsonObject { ["BillingMode"] = table.BillingMode },
        ["ItemCount"] = table.Items.Count,
        ["TableSizeBytes"] = table.Items.Values.Sum(i => (long)i.ToJsonString().Length),
        ["TableId"] = new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(table.Arn)).AsSpan(0, 16)).ToString(),
        ["DeletionProtectionEnabled"] = false,
    };
}
