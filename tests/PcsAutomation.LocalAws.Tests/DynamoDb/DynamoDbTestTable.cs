using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PcsAutomation.LocalAws.DynamoDb;

namespace PcsAutomation.LocalAws.Tests.DynamoDb;

/// <summary>A DynamoDbService with a "Leases" table (pk: S) and helpers to call it with JSON text.</summary>
internal sealed class DynamoDbTestTable
{
    public DynamoDbTestTable(TimeSpan? timeToLiveDeletionDelay = null)
    {
        Service = new DynamoDbService(Clock, timeToLiveDeletionDelay: timeToLiveDeletionDelay);
        Call("CreateTable", """
            {"TableName":"Leases","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],
             "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}
            """);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public DynamoDbService Service { get; }

    public JsonNode Call(string operation, string json) => Service.Invoke(operation, JsonNode.Parse(json)!.AsObject());

    public AwsServiceException Fails(string operation, string json) => Assert.Throws<AwsServiceException>(() => Call(operation, json));

    public JsonObject? Get(string pk) =>
        Call("GetItem", new JsonObject { ["TableName"] = "Leases", ["Key"] = new JsonObject { ["pk"] = new JsonObject { ["S"] = pk } } }.ToJsonString())["Item"]?.AsObject();

    public void Put(string itemJson) => Call("PutItem", $$"""{"TableName":"Leases","Item":{{itemJson}}}""");
}
