using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PcsAutomation.LocalAws.DynamoDb;

namespace PcsAutomation.LocalAws.Tests.DynamoDb;

/// <summary>Query and Scan on a table keyed by cluster (hash) and step (range, number).</summary>
public sealed class QueryScanTests
{
    private readonly DynamoDbService service = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)));

    public QueryScanTests()
    {
        Call("CreateTable", """
            {"TableName":"Steps","BillingMode":"PAY_PER_REQUEST",
             "KeySchema":[{"AttributeName":"cluster","KeyType":"HASH"},{"AttributeName":"step","KeyType":"RANGE"}],
             "AttributeDefinitions":[{"AttributeName":"cluster","AttributeType":"S"},{"AttributeName":"step","AttributeType":"N"}]}
            """);
        foreach (var (cluster, step, status) in new[] { ("a", 3, "done"), ("a", 1, "done"), ("a", 2, "failed"), ("b", 1, "done"), ("a", 10, "running") })
            service.Invoke("PutItem", new JsonObject
            {
                ["TableName"] = "Steps",
                ["Item"] = new JsonObject
                {
                    ["cluster"] = new JsonObject { ["S"] = cluster },
                    ["step"] = new JsonObject { ["N"] = step.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    ["status"] = new JsonObject { ["S"] = status },
                },
            });
    }

    [Fact]
    public void Query_PartitionKey_ItemsInSortKeyOrder()
    {
        var result = Call("Query", """{"TableName":"Steps","KeyConditionExpression":"#c = :c","ExpressionAttributeNames":{"#c":"cluster"},"ExpressionAttributeValues":{":c":{"S":"a"}}}""");

        Assert.Equal(["1", "2", "3", "10"], Steps(result)); // numeric order, not text order
        Assert.Equal(4, result["Count"]!.GetValue<int>());
    }

    [Fact]
    public void Query_SortKeyConditionFilterAndBackward_AppliedInDynamoDbOrder()
    {
        var result = Call("Query", """
            {"TableName":"Steps","KeyConditionExpression":"#c = :c AND step BETWEEN :lo AND :hi","FilterExpression":"#s = :done",
             "ScanIndexForward":false,"ExpressionAttributeNames":{"#c":"cluster","#s":"status"},
             "ExpressionAttributeValues":{":c":{"S":"a"},":lo":{"N":"1"},":hi":{"N":"3"},":done":{"S":"done"}}}
            """);

        Assert.Equal(["3", "1"], Steps(result));
        Assert.Equal((2, 3), (result["Count"]!.GetValue<int>(), result["ScannedCount"]!.GetValue<int>()));
    }

    [Fact]
    public void Query_WithoutPartitionKeyEquality_ValidationException()
    {
        var error = Assert.Throws<AwsServiceException>(() => Call("Query", """{"TableName":"Steps","KeyConditionExpression":"step > :n","ExpressionAttributeValues":{":n":{"N":"1"}}}"""));

        Assert.Equal("ValidationException", error.Code);
        Assert.Contains("cluster", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_LimitAndExclusiveStartKey_PagesThroughEveryItemOnce()
    {
        var seen = new List<string>();
        JsonNode? start = null;
        do
        {
            var request = JsonNode.Parse("""{"TableName":"Steps","Limit":2}""")!.AsObject();
            if (start is not null) request["ExclusiveStartKey"] = start.DeepClone();
            var page = Call("Scan", request.ToJsonString());
            seen.AddRange(page["Items"]!.AsArray().Select(i => i!["cluster"]!["S"]!.GetValue<string>() + i["step"]!["N"]!.GetValue<string>()));
            start = page["LastEvaluatedKey"];
        }
        while (start is not null);

        Assert.Equal(5, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public void Scan_FilterProjectionAndCount_Applied()
    {
        var projected = Call("Scan", """{"TableName":"Steps","FilterExpression":"#s <> :done","ProjectionExpression":"step","ExpressionAttributeNames":{"#s":"status"},"ExpressionAttributeValues":{":done":{"S":"done"}}}""");
        var counted = Call("Scan", """{"TableName":"Steps","Select":"COUNT"}""");

        Assert.Equal(2, projected["Count"]!.GetValue<int>());
        Assert.All(projected["Items"]!.AsArray(), i => Assert.Equal(["step"], i!.AsObject().Select(p => p.Key)));
        Assert.Equal(5, counted["Count"]!.GetValue<int>());
        Assert.Null(counted["Items"]);
    }

    private JsonNode Call(string operation, string json) => service.Invoke(operation, JsonNode.Parse(json)!.AsObject());

    private static List<string> Steps(JsonNode result) => [.. result["Items"]!.AsArray().Select(i => i!["step"]!["N"]!.GetValue<string>())];
}
