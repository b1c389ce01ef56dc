using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.EC2.Model;
using Amazon.SimpleSystemsManagement.Model;
using PcsAutomation.LocalAws.Scenarios;
using Ec2Filter = Amazon.EC2.Model.Filter;

namespace PcsAutomation.LocalAws.Tests.Integration;

/// <summary>AWSSDK.EC2, AWSSDK.SimpleSystemsManagement and AWSSDK.DynamoDBv2 as built by AwsClientFactory, against the emulator.</summary>
public sealed class SdkClientTests
{
    [Fact] // issue 3: node groups launch EC2 instances tagged aws:pcs:cluster-id and aws:pcs:compute-node-group-id
    public async Task DescribeInstances_ByNodeGroupTag_TheGroupsStaticInstances()
    {
        await using var clients = await ProductClients.StartAsync(Scenario.Cluster("c").WithNodeGroup("static", 2, 2).WithNodeGroup("other", 1, 1));
        clients.Advance(TimeSpan.FromMinutes(5));
        var cluster = clients.Aws.State.FindCluster("c")!;
        var group = cluster.FindNodeGroup("static")!;

        var response = await clients.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest
        {
            Filters = [new Ec2Filter("tag:aws:pcs:compute-node-group-id", [group.Id]), new Ec2Filter("instance-state-name", ["running"])],
        });

        var instances = response.Reservations.SelectMany(r => r.Instances).ToList();
        Assert.Equal(2, instances.Count);
        Assert.All(instances, i => Assert.Contains(i.Tags, t => t.Key == "aws:pcs:cluster-id" && t.Value == cluster.Id));
    }

    [Fact] // guide L5587-5599: the PCS sample AMI query, and the public SSM AMI parameter resolving to a describable image
    public async Task DescribeImagesAndGetParameter_ThroughFactoryClients_SampleAmisAndPublicParameter()
    {
        await using var clients = await ProductClients.StartAsync();

        var images = (await clients.Ec2.DescribeImagesAsync(new DescribeImagesRequest
        {
            Owners = ["amazon"], Filters = [new Ec2Filter("name", ["aws-pcs-sample_ami-al2023-x86_64-slurm-25.11*"])],
        })).Images;
        var parameter = (await clients.Ssm.GetParameterAsync(new GetParameterRequest
        {
            Name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64",
        })).Parameter;
        var image = Assert.Single((await clients.Ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [parameter.Value] })).Images);

        Assert.NotEmpty(images);
        Assert.All(images, i => Assert.Equal("x86_64", i.Architecture.Value));
        Assert.Equal("arm64", image.Architecture.Value);
    }

    [Fact] // issue 3 item 6: a lease is taken when absent or expired, renewed, released; a live lease refuses
    public async Task DynamoDbLease_ConditionalPutUpdateDelete_ConditionalCheckFailedWhileHeld()
    {
        await using var clients = await ProductClients.StartAsync();
        var db = clients.DynamoDb;
        await db.CreateTableAsync(new CreateTableRequest
        {
            TableName = "Leases", BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)], AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
        });
        PutItemRequest Acquire(string owner, long now) => new()
        {
            TableName = "Leases",
            Item = new() { ["pk"] = new AttributeValue("cluster#c"), ["owner"] = new AttributeValue(owner), ["expires"] = new AttributeValue { N = (now + 60).ToString(System.Globalization.CultureInfo.InvariantCulture) } },
            ConditionExpression = "attribute_not_exists(pk) OR #expires < :now",
            ExpressionAttributeNames = new() { ["#expires"] = "expires" },
            ExpressionAttributeValues = new() { [":now"] = new AttributeValue { N = now.ToString(System.Globalization.CultureInfo.InvariantCulture) } },
        };

        await db.PutItemAsync(Acquire("a", 1000));
        var held = await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => db.PutItemAsync(Acquire("b", 1030)));
        await db.PutItemAsync(Acquire("b", 1061)); // expired: b takes it over
        await db.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "Leases", Key = new() { ["pk"] = new AttributeValue("cluster#c") },
            UpdateExpression = "SET #expires = :later", ConditionExpression = "#owner = :me",
            ExpressionAttributeNames = new() { ["#expires"] = "expires", ["#owner"] = "owner" },
            ExpressionAttributeValues = new() { [":later"] = new AttributeValue { N = "2000" }, [":me"] = new AttributeValue("b") },
        });
        var renewed = (await db.GetItemAsync(new GetItemRequest { TableName = "Leases", Key = new() { ["pk"] = new AttributeValue("cluster#c") }, ConsistentRead = true })).Item;
        await db.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = "Leases", Key = new() { ["pk"] = new AttributeValue("cluster#c") },
            ConditionExpression = "#owner = :me", ExpressionAttributeNames = new() { ["#owner"] = "owner" },
            ExpressionAttributeValues = new() { [":me"] = new AttributeValue("b") },
        });
        var released = await db.GetItemAsync(new GetItemRequest { TableName = "Leases", Key = new() { ["pk"] = new AttributeValue("cluster#c") } });

        Assert.Equal("ConditionalCheckFailedException", held.ErrorCode);
        Assert.Equal("b", renewed["owner"].S);
        Assert.Equal("2000", renewed["expires"].N);
        Assert.True(released.Item is null || released.Item.Count == 0);
    }
}
