using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.Tests.DynamoDb;

public class ItemOperationTests
{
    private readonly DynamoDbTestTable table = new();

    [Fact]
    public void PutThenGet_EveryAttributeType_RoundTripsWithNumbersNormalized()
    {
        table.Put("""
            {"pk":{"S":"all"},"s":{"S":""},"n":{"N":"0010.500"},"b":{"B":"AQID"},"t":{"BOOL":false},"z":{"NULL":true},
             "m":{"M":{"k":{"N":"1e2"}}},"l":{"L":[{"S":"x"},{"L":[]}]},"ss":{"SS":["a","b"]},"ns":{"NS":["1","2.50"]},"bs":{"BS":["AQ=="]}}
            """);

        var item = table.Get("all")!;

        Assert.Equal("10.5", item["n"]!["N"]!.GetValue<string>());
        Assert.Equal("100", item["m"]!["M"]!["k"]!["N"]!.GetValue<string>());
        Assert.Equal("""["1","2.5"]""", item["ns"]!["NS"]!.ToJsonString());
        Assert.Equal("""{"S":""}""", item["s"]!.ToJsonString());
        Assert.Equal("""{"NULL":true}""", item["z"]!.ToJsonString());
        Assert.Equal(11, item.Count);
    }

    [Fact]
    public void GetItem_Missing_ReturnsNoItem() =>
        Assert.Null(table.Call("GetItem", """{"TableName":"Leases","Key":{"pk":{"S":"none"}},"ConsistentRead":true}""")["Item"]);

    [Fact]
    public void GetItem_ProjectionExpression_ReturnsOnlyThePaths()
    {
        table.Put("""{"pk":{"S":"p"},"a":{"N":"1"},"b":{"N":"2"},"m":{"M":{"x":{"S":"1"},"y":{"S":"2"}}},"l":{"L":[{"S":"0"},{"S":"1"}]}}""");

        var item = table.Call("GetItem", """{"TableName":"Leases","Key":{"pk":{"S":"p"}},"ProjectionExpression":"a, #m.y, l[1], nope","ExpressionAttributeNames":{"#m":"m"}}""")["Item"]!;

        Assert.Equal("""{"a":{"N":"1"},"m":{"M":{"y":{"S":"2"}}},"l":{"L":[{"S":"1"}]}}""", item.ToJsonString());
    }

    [Fact]
    public void PutItem_ReturnValuesAllOld_ReturnsReplacedItem()
    {
        table.Put("""{"pk":{"S":"k"},"v":{"N":"1"}}""");
        var response = table.Call("PutItem", """{"TableName":"Leases","Item":{"pk":{"S":"k"},"v":{"N":"2"}},"ReturnValues":"ALL_OLD"}""");
        Assert.Equal("1", response["Attributes"]!["v"]!["N"]!.GetValue<string>());
        Assert.Equal("{}", table.Call("PutItem", """{"TableName":"Leases","Item":{"pk":{"S":"new"}},"ReturnValues":"ALL_OLD"}""").ToJsonString());
    }

    // The lease the workflows take: "attribute_not_exists(pk) OR expiresAt < :now" (design.md, "One operation per cluster at a time").
    [Fact]
    public void PutItem_LeaseCondition_FreeTakenExpired()
    {
        static string Acquire(string owner, long now, long expires) => new JsonObject
        {
            ["TableName"] = "Leases",
            ["Item"] = new JsonObject
            {
                ["pk"] = new JsonObject { ["S"] = "lease#pcs_abc" },
                ["owner"] = new JsonObject { ["S"] = owner },
                ["expiresAt"] = new JsonObject { ["N"] = expires.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            },
            ["ConditionExpression"] = "attribute_not_exists(pk) OR expiresAt < :now",
            ["ExpressionAttributeValues"] = new JsonObject { [":now"] = new JsonObject { ["N"] = now.ToString(System.Globalization.CultureInfo.InvariantCulture) } },
        }.ToJsonString();
        table.Call("PutItem", Acquire("exec-1", 1000, 1300));

        var taken = table.Fails("PutItem", Acquire("exec-2", 1200, 1500));
        Assert.Equal(("ConditionalCheckFailedException", "The conditional request failed"), (taken.Code, taken.Message));
        Assert.Equal("exec-1", table.Get("lease#pcs_abc")!["owner"]!["S"]!.GetValue<string>());

        table.Call("PutItem", Acquire("exec-2", 1301, 1600));
        Assert.Equal("exec-2", table.Get("lease#pcs_abc")!["owner"]!["S"]!.GetValue<string>());
    }

    [Fact]
    public void ConditionFailure_ReturnValuesOnConditionCheckFailureAllOld_ItemInExceptionData()
    {
        table.Put("""{"pk":{"S":"k"},"owner":{"S":"a"}}""");
        var error = table.Fails("DeleteItem", """
            {"TableName":"Leases","Key":{"pk":{"S":"k"}},"ConditionExpression":"#o = :me","ExpressionAttributeNames":{"#o":"owner"},
             "ExpressionAttributeValues":{":me":{"S":"b"}},"ReturnValuesOnConditionCheckFailure":"ALL_OLD"}
            """);
        Assert.Equal("""{"pk":{"S":"k"},"owner":{"S":"a"}}""", ((JsonObject)error.Data["Item"]!).ToJsonString());
        Assert.NotNull(table.Get("k"));
    }

    [Fact]
    public void DeleteItem_ConditionHolds_RemovesAndReturnsOld()
    {
        table.Put("""{"pk":{"S":"k"},"owner":{"S":"a"}}""");
        var response = table.Call("DeleteItem", """
            {"TableName":"Leases","Key":{"pk":{"S":"k"}},"ConditionExpression":"#o = :me","ExpressionAttributeNames":{"#o":"owner"},
             "ExpressionAttributeValues":{":me":{"S":"a"}},"ReturnValues":"ALL_OLD"}
            """);
        Assert.Equal("a", response["Attributes"]!["owner"]!["S"]!.GetValue<string>());
        Assert.Null(table.Get("k"));
    }

    [Theory]
    [InlineData("""{"TableName":"Leases","Item":{"other":{"S":"x"}}}""", "One or more parameter values were invalid: Missing the key pk in the item")]
    [InlineData("""{"TableName":"Leases","Item":{"pk":{"N":"1"}}}""", "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N")]
    [InlineData("""{"TableName":"Leases","Item":{"pk":{"S":""}}}""", "The AttributeValue for a key attribute cannot contain an empty string value. Key: pk")]
    [InlineData("""{"TableName":"Leases","Item":{"pk":{"S":"k"},"x":{}}}""", "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")]
    [InlineData("""{"TableName":"Leases","Item":{"pk":{"S":"k"},"x":{"S":"a","N":"1"}}}""", "Supplied AttributeValue has more than one datatypes set")]
    [InlineData("""{"TableName":"Leases","Item":{"pk":{"S":"k"},"x":{"N":"1x"}}}""", "The parameter cannot be converted to a numeric value: 1x")]
    [InlineData("""{"TableName":"Leases","Item":{"pk":{"S":"k"},"x":{"SS":[]}}}""", "An string set  may not be empty")]
    [InlineData("""{"TableName":"Leases","Item":{"pk":{"S":"k"},"x":{"NS":["1","1.0"]}}}""", "contains duplicates")]
    [InlineData("""{"TableName":"Leases","Item":{"pk":{"S":"k"},"x":{"NULL":false}}}""", "Null attribute value types must have the value of true")]
    [InlineData("""{"TableName":"Leases","Item":{"pk":{"S":"k"}},"ReturnValues":"ALL_NEW"}""", "ReturnValues can only be ALL_OLD or NONE")]
    [InlineData("""{"TableName":"Leases","Item":{"pk":{"S":"k"}},"ReturnValues":"SOME"}""", "Member must satisfy enum value set")]
    [InlineData("""{"TableName":"Leases","Item":{"pk":{"S":"k"}},"ExpressionAttributeValues":{":v":{"S":"x"}}}""", "ExpressionAttributeValues can only be specified when using expressions")]
    [InlineData("""{"Item":{"pk":{"S":"k"}}}""", "Value null at 'tableName' failed to satisfy constraint: Member must not be null")]
    public void PutItem_Invalid_ValidationException(string request, string message)
    {
        var error = table.Fails("PutItem", request);
        Assert.Equal("ValidationException", error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Null(table.Get("k"));
    }

    [Theory]
    [InlineData("""{"TableName":"Leases","Key":{"pk":{"N":"1"}}}""")]
    [InlineData("""{"TableName":"Leases","Key":{"pk":{"S":"k"},"extra":{"S":"x"}}}""")]
    [InlineData("""{"TableName":"Leases","Key":{}}""")]
    public void GetItem_KeyNotMatchingSchema_ValidationException(string request) =>
        Assert.Equal("The provided key element does not match the schema", table.Fails("GetItem", request).Message);

    [Theory]
    [InlineData("PutItem", """{"TableName":"Nope","Item":{"pk":{"S":"k"}}}""", "ResourceNotFoundException")]
    [InlineData("PutItem", """{"TableName":"Leases","Item":[1]}""", "SerializationException")]
    [InlineData("PutItem", """{"TableName":"Leases","Item":{"pk":"k"}}""", "SerializationException")]
    [InlineData("PutItem", """{"TableName":"Leases","Item":{"pk":{"S":5}}}""", "SerializationException")]
    [InlineData("PutItem", """{"TableName":7,"Item":{"pk":{"S":"k"}}}""", "SerializationException")]
    [InlineData("GetItem", """{"TableName":"Leases"}""", "ValidationException")]
    [InlineData("BatchWriteItem", """{}""", "UnknownOperationException")]
    public void Invoke_MalformedRequest_RealErrorCode(string operation, string request, string code) =>
        Assert.Equal(code, table.Fails(operation, request).Code);
}
