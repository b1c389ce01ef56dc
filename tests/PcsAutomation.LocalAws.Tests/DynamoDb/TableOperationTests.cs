using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.Tests.DynamoDb;

public class TableOperationTests
{
    private readonly DynamoDbTestTable table = new();

    [Fact]
    public void CreateDescribeListDelete_RoundTrip()
    {
        var created = table.Call("CreateTable", """
            {"TableName":"Runs","KeySchema":[{"AttributeName":"c","KeyType":"HASH"},{"AttributeName":"t","KeyType":"RANGE"}],
             "AttributeDefinitions":[{"AttributeName":"c","AttributeType":"S"},{"AttributeName":"t","AttributeType":"N"}],
             "ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":2}}
            """)["TableDescription"]!;
        Assert.Equal("CREATING", created["TableStatus"]!.GetValue<string>());
        Assert.Equal("PROVISIONED", created["BillingModeSummary"]!["BillingMode"]!.GetValue<string>());

        var described = table.Call("DescribeTable", """{"TableName":"Runs"}""")["Table"]!;
        Assert.Equal("ACTIVE", described["TableStatus"]!.GetValue<string>());
        Assert.Equal(5, described["ProvisionedThroughput"]!["ReadCapacityUnits"]!.GetValue<long>());
        Assert.Equal(["Leases", "Runs"], table.Call("ListTables", "{}")["TableNames"]!.AsArray().Select(n => n!.GetValue<string>()));

        Assert.Equal("DELETING", table.Call("DeleteTable", """{"TableName":"Runs"}""")["TableDescription"]!["TableStatus"]!.GetValue<string>());
        Assert.Equal("ResourceNotFoundException", table.Fails("DescribeTable", """{"TableName":"Runs"}""").Code);
    }

    [Fact]
    public void CompositeKey_PutGetByBothParts()
    {
        table.Service.CreateTable("Runs", new("c", "S"), new("t", "N"));
        table.Call("PutItem", """{"TableName":"Runs","Item":{"c":{"S":"a"},"t":{"N":"1"},"v":{"S":"one"}}}""");
        table.Call("PutItem", """{"TableName":"Runs","Item":{"c":{"S":"a"},"t":{"N":"2"},"v":{"S":"two"}}}""");

        Assert.Equal("two", table.Call("GetItem", """{"TableName":"Runs","Key":{"c":{"S":"a"},"t":{"N":"2.0"}}}""")["Item"]!["v"]!["S"]!.GetValue<string>());
        Assert.Equal("The provided key element does not match the schema", table.Fails("GetItem", """{"TableName":"Runs","Key":{"c":{"S":"a"}}}""").Message);
        Assert.Equal(2, table.Service.FindTable("Runs")!.Snapshot().Count);
    }

    [Fact]
    public void TimeToLive_UpdateThenDescribe_AttributeStored()
    {
        table.Call("UpdateTimeToLive", """{"TableName":"Leases","TimeToLiveSpecification":{"AttributeName":"expiresAt","Enabled":true}}""");
        var description = table.Call("DescribeTimeToLive", """{"TableName":"Leases"}""")["TimeToLiveDescription"]!;
        Assert.Equal("ENABLED", description["TimeToLiveStatus"]!.GetValue<string>());
        Assert.Equal("expiresAt", table.Service.FindTable("Leases")!.TimeToLiveAttribute);
    }

    [Theory]
    [InlineData("""{"TableName":"Leases","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}""", "ResourceInUseException", "Table already exists: Leases")]
    [InlineData("""{"TableName":"x","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}""", "ValidationException", "at 'tableName'")]
    [InlineData("""{"TableName":"Other","KeySchema":[{"AttributeName":"pk","KeyType":"RANGE"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}""", "ValidationException", "HASH")]
    [InlineData("""{"TableName":"Other","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}""", "ValidationException", "Some index key attributes are not defined in AttributeDefinitions. Keys: [pk], AttributeDefinitions: [id]")]
    [InlineData("""{"TableName":"Other","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"x","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}""", "ValidationException", "Number of attributes in KeySchema does not exactly match")]
    [InlineData("""{"TableName":"Other","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"BOOL"}],"BillingMode":"PAY_PER_REQUEST"}""", "ValidationException", "Member must satisfy enum value set: [B, N, S]")]
    [InlineData("""{"TableName":"Other","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}]}""", "ValidationException", "ReadCapacityUnits and WriteCapacityUnits must both be specified")]
    [InlineData("""{"TableName":"Other","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST","ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":1}}""", "ValidationException", "Neither ReadCapacityUnits nor WriteCapacityUnits")]
    [InlineData("""{"TableName":"Other","AttributeDefinitions":[]}""", "ValidationException", "at 'keySchema'")]
    public void CreateTable_Invalid_RealError(string request, string code, string message)
    {
        var error = table.Fails("CreateTable", request);
        Assert.Equal(code, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Null(table.Service.FindTable("Other"));
    }
}
