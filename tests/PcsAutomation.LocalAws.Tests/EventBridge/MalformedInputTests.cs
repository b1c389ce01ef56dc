using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PcsAutomation.LocalAws.DynamoDb;
using PcsAutomation.LocalAws.EventBridge;

namespace PcsAutomation.LocalAws.Tests.EventBridge;

/// <summary>Random request bodies (seeded, so failures reproduce) never crash a service: every rejection is an AwsServiceException.</summary>
public class MalformedInputTests
{
    private static readonly string[] Members =
    [
        "Entries", "Source", "DetailType", "Detail", "EventBusName", "Time", "Resources", "EventPattern", "Event", "Name", "Rule",
        "Targets", "Id", "Arn", "Input", "InputPath", "InputTransformer", "InputPathsMap", "InputTemplate", "Ids", "State",
        "ScheduleExpression", "NamePrefix", "Limit", "NextToken", "TableName", "Item", "Key", "KeySchema", "AttributeDefinitions",
        "AttributeName", "AttributeType", "KeyType", "BillingMode", "ProvisionedThroughput", "ConditionExpression", "UpdateExpression",
        "ProjectionExpression", "ExpressionAttributeNames", "ExpressionAttributeValues", "ReturnValues", "ConsistentRead",
        "TimeToLiveSpecification", "Enabled", "S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS", "pk", "#a", ":v",
    ];

    private static readonly string[] Strings =
    [
        "", "x", "pk", "Leases", "default", "{}", "[", "{\"source\":[\"a\"]}", "{\"a\":[{\"numeric\":[\">\",1]}]}", "rate(5 minutes)",
        "cron(0 1 * * ? *)", "attribute_exists(pk)", "SET #a = :v", "pk, #a", "a = :v OR", "ALL_NEW", "HASH", "S", "1", "-1e400",
        "arn:aws:lambda:us-east-1:1:function:F", "$.detail", "NaN", "((((", "#a.b[3]", "ENABLED",
    ];

    private static JsonNode? RandomNode(Random random, int depth) => random.Next(depth > 3 ? 4 : 8) switch
    {
        0 => null,
        1 => JsonValue.Create(Strings[random.Next(Strings.Length)]),
        2 => JsonValue.Create(random.Next(-5, 1000)),
        3 => JsonValue.Create(random.Next(2) == 0),
        4 or 5 => new JsonObject(Enumerable.Range(0, random.Next(4)).Select(_ => Members[random.Next(Members.Length)]).Distinct()
            .Select(k => KeyValuePair.Create(k, RandomNode(random, depth + 1)))),
        _ => new JsonArray(Enumerable.Range(0, random.Next(3)).Select(_ => RandomNode(random, depth + 1)).ToArray()),
    };

    // Replaces one node somewhere inside a valid request by a random one, so the damage reaches deep members.
    private static JsonObject Mutate(Random random, JsonObject seed)
    {
        var copy = seed.DeepClone().AsObject();
        var containers = new List<JsonNode> { copy };
        for (var i = 0; i < containers.Count; i++)
        {
            IEnumerable<JsonNode?> children = containers[i] is JsonObject o ? o.Select(p => p.Value) : ((JsonArray)containers[i]).ToList();
            containers.AddRange(children.OfType<JsonNode>().Where(c => c is JsonObject or JsonArray));
        }
        var target = containers[random.Next(containers.Count)];
        switch (target)
        {
            case JsonObject obj when obj.Count > 0 && random.Next(3) > 0:
                var key = obj.ElementAt(random.Next(obj.Count)).Key;
                if (random.Next(4) == 0)
                    obj.Remove(key);
                else
                    obj[key] = RandomNode(random, 2);
                break;
            case JsonObject obj:
                obj[Members[random.Next(Members.Length)]] = RandomNode(random, 2);
                break;
            case JsonArray array when array.Count > 0:
                array[random.Next(array.Count)] = RandomNode(random, 2);
                break;
            case JsonArray array:
                array.Add(RandomNode(random, 2));
                break;
        }
        return copy;
    }

    private static void Fuzz(IReadOnlyList<(string Operation, string Body)> seeds, Func<string, JsonObject, JsonNode> invoke)
    {
        var random = new Random(20261125);
        var operations = seeds.Select(s => s.Operation).Distinct().ToArray();
        for (var i = 0; i < 4000; i++)
        {
            var (operation, body) = i % 2 == 0
                ? (operations[random.Next(operations.Length)], RandomNode(random, 0) as JsonObject ?? [])
                : seeds[random.Next(seeds.Count)] is var seed ? (seed.Operation, Mutate(random, JsonNode.Parse(seed.Body)!.AsObject())) : default;
            try
            {
                invoke(operation, body);
            }
            catch (AwsServiceException)
            {
                // The expected outcome for a bad request.
            }
            catch (Exception e)
            {
                Assert.Fail($"{operation} crashed on {body.ToJsonString()}: {e}");
            }
        }
    }

    [Fact]
    public void EventBridge_RandomBodies_OnlyAwsServiceExceptions()
    {
        using var bus = new EventBus(new FakeTimeProvider(), _ => { });
        var service = new EventBridgeService(bus);
        service.Invoke("PutRule", JsonNode.Parse("""{"Name":"r","EventPattern":"{\"source\":[\"a\"]}"}""")!.AsObject());
        Fuzz(
            [
                ("PutEvents", """{"Entries":[{"Source":"a","DetailType":"d","Detail":"{\"n\":1}","Resources":["r"],"Time":1}]}"""),
                ("TestEventPattern", """{"EventPattern":"{\"detail\":{\"n\":[{\"numeric\":[\">\",0]}],\"$or\":[{\"a\":[1]},{\"b\":[{\"cidr\":\"10.0.0.0/8\"}]}]}}","Event":"{\"id\":\"1\",\"account\":\"1\",\"source\":\"a\",\"time\":\"t\",\"region\":\"r\",\"detail-type\":\"d\",\"detail\":{\"n\":1}}"}"""),
                ("PutRule", """{"Name":"r","EventPattern":"{\"source\":[\"a\"]}","ScheduleExpression":"cron(0 1 ? * 2#1 *)","State":"ENABLED"}"""),
                ("DescribeRule", """{"Name":"r"}"""),
                ("ListRules", """{"NamePrefix":"r","Limit":1,"NextToken":"1"}"""),
                ("EnableRule", """{"Name":"r"}"""),
                ("PutTargets", """{"Rule":"r","Targets":[{"Id":"t","Arn":"arn:aws:lambda:us-east-1:1:function:F","InputTransformer":{"InputPathsMap":{"a":"$.detail"},"InputTemplate":"{\"a\": <a>}"}}]}"""),
                ("ListTargetsByRule", """{"Rule":"r"}"""),
                ("RemoveTargets", """{"Rule":"r","Ids":["t"]}"""),
                ("DeleteRule", """{"Name":"r"}"""),
            ],
            service.Invoke);
    }

    [Fact]
    public void DynamoDb_RandomBodies_OnlyAwsServiceExceptions()
    {
        var service = new DynamoDbService(new FakeTimeProvider());
        service.CreateTable("Leases", new KeyElement("pk", "S"));
        Fuzz(
            [
                ("CreateTable", """{"TableName":"Other","KeySchema":[{"AttributeName":"a","KeyType":"HASH"},{"AttributeName":"b","KeyType":"RANGE"}],"AttributeDefinitions":[{"AttributeName":"a","AttributeType":"S"},{"AttributeName":"b","AttributeType":"N"}],"ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":1}}"""),
                ("DescribeTable", """{"TableName":"Leases"}"""),
                ("ListTables", """{"Limit":1,"ExclusiveStartTableName":"A"}"""),
                ("UpdateTimeToLive", """{"TableName":"Leases","TimeToLiveSpecification":{"AttributeName":"e","Enabled":true}}"""),
                ("PutItem", """{"TableName":"Leases","Item":{"pk":{"S":"k"},"m":{"M":{"l":{"L":[{"N":"1"},{"SS":["a"]}]}}},"b":{"B":"AQ=="}},"ConditionExpression":"attribute_not_exists(pk) OR (#e < :now AND size(m) BETWEEN :a AND :b) OR contains(m.l, :a) OR m.l[0] IN (:a, :b)","ExpressionAttributeNames":{"#e":"e"},"ExpressionAttributeValues":{":now":{"N":"1"},":a":{"N":"0"},":b":{"N":"9"}},"ReturnValues":"ALL_OLD"}"""),
                ("GetItem", """{"TableName":"Leases","Key":{"pk":{"S":"k"}},"ProjectionExpression":"#m.l[1], b","ExpressionAttributeNames":{"#m":"m"},"ConsistentRead":true}"""),
                ("UpdateItem", """{"TableName":"Leases","Key":{"pk":{"S":"k"}},"UpdateExpression":"SET c = if_not_exists(c, :z) + :one, l2 = list_append(:l, :l) REMOVE m.l[0] ADD s :ss DELETE t :ss","ConditionExpression":"attribute_type(pk, :t)","ExpressionAttributeValues":{":z":{"N":"0"},":one":{"N":"1"},":l":{"L":[]},":ss":{"SS":["x"]},":t":{"S":"S"}},"ReturnValues":"UPDATED_NEW"}"""),
                ("DeleteItem", """{"TableName":"Leases","Key":{"pk":{"S":"k"}},"ConditionExpression":"begins_with(pk, :p)","ExpressionAttributeValues":{":p":{"S":"k"}},"ReturnValues":"ALL_OLD","ReturnValuesOnConditionCheckFailure":"ALL_OLD"}"""),
                ("DeleteTable", """{"TableName":"Other"}"""),
            ],
            service.Invoke);
    }
}
