using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using PcsAutomation.LocalAws.DynamoDb;

namespace PcsAutomation.LocalAws.Tests.DynamoDb;

/// <summary>
/// AWSSDK.DynamoDBv2's real client, wired to the service through an in-process HTTP handler (no socket): the request
/// bodies are exactly what the SDK puts on the wire, and the SDK must parse our responses and errors.
/// </summary>
public sealed class SdkWireFormatTests : IDisposable
{
    private readonly DynamoDbTestTable table = new();
    private readonly InProcessHandler handler;
    private readonly AmazonDynamoDBClient client;

    public SdkWireFormatTests()
    {
        handler = new InProcessHandler(table.Service);
        client = new AmazonDynamoDBClient(new BasicAWSCredentials("AKIDEXAMPLE", "test-secret"), new AmazonDynamoDBConfig
        {
            ServiceURL = "http://127.0.0.1:4566",
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
            HttpClientFactory = new InProcessHttpClientFactory(handler),
        });
    }

    public void Dispose()
    {
        client.Dispose();
        handler.Dispose();
    }

    private static PutItemRequest Acquire(string owner, long now, long expires) => new()
    {
        TableName = "Leases",
        Item = new Dictionary<string, AttributeValue>
        {
            ["pk"] = new() { S = "lease#pcs_abc" },
            ["owner"] = new() { S = owner },
            ["expiresAt"] = new() { N = expires.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        },
        ConditionExpression = "attribute_not_exists(pk) OR expiresAt < :now",
        ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":now"] = new() { N = now.ToString(System.Globalization.CultureInfo.InvariantCulture) } },
        ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
    };

    [Fact]
    public async Task ConditionalPutItem_SdkWireJson_AcceptedAndConflictIsTypedException()
    {
        await client.PutItemAsync(Acquire("exec-1", 1000, 1300));

        var (target, body) = handler.Requests[0];
        Assert.Equal("DynamoDB_20120810.PutItem", target);
        Assert.Equal("attribute_not_exists(pk) OR expiresAt < :now", body["ConditionExpression"]!.GetValue<string>());
        Assert.Equal("""{"N":"1000"}""", body["ExpressionAttributeValues"]![":now"]!.ToJsonString());
        Assert.Equal("""{"S":"lease#pcs_abc"}""", body["Item"]!["pk"]!.ToJsonString());
        Assert.Equal("ALL_OLD", body["ReturnValuesOnConditionCheckFailure"]!.GetValue<string>());

        var conflict = await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => client.PutItemAsync(Acquire("exec-2", 1200, 1500)));
        Assert.Equal("The conditional request failed", conflict.Message);
        Assert.Equal("exec-1", conflict.Item["owner"].S);
        Assert.Equal(HttpStatusCode.BadRequest, conflict.StatusCode);
    }

    [Fact]
    public async Task ConditionalUpdateItem_SdkWireJson_ReturnsTypedAttributes()
    {
        await client.PutItemAsync(Acquire("exec-1", 1000, 1300));

        var response = await client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "Leases",
            Key = new Dictionary<string, AttributeValue> { ["pk"] = new() { S = "lease#pcs_abc" } },
            UpdateExpression = "SET expiresAt = :until ADD renewals :one",
            ConditionExpression = "#o = :me",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#o"] = "owner" },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":me"] = new() { S = "exec-1" },
                [":until"] = new() { N = "1600" },
                [":one"] = new() { N = "1" },
            },
            ReturnValues = ReturnValue.ALL_NEW,
        });

        var body = handler.Requests[^1].Body;
        Assert.Equal("DynamoDB_20120810.UpdateItem", handler.Requests[^1].Target);
        Assert.Equal("SET expiresAt = :until ADD renewals :one", body["UpdateExpression"]!.GetValue<string>());
        Assert.Equal("""{"#o":"owner"}""", body["ExpressionAttributeNames"]!.ToJsonString());
        Assert.Equal("ALL_NEW", body["ReturnValues"]!.GetValue<string>());
        Assert.Equal("1600", response.Attributes["expiresAt"].N);
        Assert.Equal("1", response.Attributes["renewals"].N);
        Assert.Equal("exec-1", response.Attributes["owner"].S);
    }

    [Fact]
    public async Task GetItemAndDeleteItem_SdkParsesResponses()
    {
        await client.PutItemAsync(Acquire("exec-1", 1000, 1300));

        var item = await client.GetItemAsync(new GetItemRequest
        {
            TableName = "Leases",
            Key = new Dictionary<string, AttributeValue> { ["pk"] = new() { S = "lease#pcs_abc" } },
            ConsistentRead = true,
            ProjectionExpression = "#o, expiresAt",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#o"] = "owner" },
        });
        Assert.Equal(["expiresAt", "owner"], item.Item.Keys.Order(StringComparer.Ordinal));
        Assert.True(handler.Requests[^1].Body["ConsistentRead"]!.GetValue<bool>());

        var deleted = await client.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = "Leases",
            Key = new Dictionary<string, AttributeValue> { ["pk"] = new() { S = "lease#pcs_abc" } },
            ReturnValues = ReturnValue.ALL_OLD,
        });
        Assert.Equal("exec-1", deleted.Attributes["owner"].S);
        var missing = await client.GetItemAsync("Leases", new Dictionary<string, AttributeValue> { ["pk"] = new() { S = "lease#pcs_abc" } });
        Assert.False(missing.IsItemSet);
    }

    [Fact]
    public async Task CreateAndDescribeTable_SdkParsesDescriptions()
    {
        var created = await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = "Runs",
            KeySchema = [new KeySchemaElement("cluster", KeyType.HASH), new KeySchemaElement("started", KeyType.RANGE)],
            AttributeDefinitions = [new AttributeDefinition("cluster", ScalarAttributeType.S), new AttributeDefinition("started", ScalarAttributeType.N)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        Assert.Equal(TableStatus.CREATING, created.TableDescription.TableStatus);

        var described = await client.DescribeTableAsync("Runs");
        Assert.Equal(TableStatus.ACTIVE, described.Table.TableStatus);
        Assert.Equal("arn:aws:dynamodb:us-east-1:123456789012:table/Runs", described.Table.TableArn);
        Assert.Equal(table.Clock.GetUtcNow().UtcDateTime, described.Table.CreationDateTime);
        Assert.Equal(KeyType.RANGE, described.Table.KeySchema[1].KeyType);
        await Assert.ThrowsAsync<ResourceInUseException>(() => client.CreateTableAsync(new CreateTableRequest
        {
            TableName = "Runs",
            KeySchema = [new KeySchemaElement("cluster", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("cluster", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        }));
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => client.DescribeTableAsync("Nope"));
    }

    /// <summary>Answers like the host will: 200 with the JSON result, or 400 with <c>__type</c> and <c>message</c>.</summary>
    private sealed class InProcessHandler(DynamoDbService service) : HttpMessageHandler
    {
        public List<(string Target, JsonObject Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var target = request.Headers.GetValues("X-Amz-Target").Single();
            var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!.AsObject();
            Requests.Add((target, body.DeepClone().AsObject()));
            Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", string.Join(",", request.Headers.GetValues("Authorization")), StringComparison.Ordinal);
            HttpStatusCode status;
            JsonNode result;
            try
            {
                result = service.Invoke(target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..], body);
                status = HttpStatusCode.OK;
            }
            catch (AwsServiceException e)
            {
                var error = new JsonObject { ["__type"] = "com.amazonaws.dynamodb.v20120810#" + e.Code, ["message"] = e.Message };
                if (e.Data["Item"] is JsonObject item)
                    error["Item"] = item.DeepClone();
                (status, result) = ((HttpStatusCode)e.StatusCode, error);
            }
            return new HttpResponseMessage(status)
            {
                Content = new StringContent(result.ToJsonString(), Encoding.UTF8, "application/x-amz-json-1.0"),
            };
        }
    }

    private sealed class InProcessHttpClientFactory(HttpMessageHandler handler) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);
    }
}
