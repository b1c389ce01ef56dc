using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Tests.Support;
using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.LocalAws.Tests.Integration;

/// <summary>
/// A client we did not write: the AWS CLI on the machine image (awscli 1.x on botocore, which knows PCS) pointed at
/// the emulator with <c>--endpoint-url</c>, the test keys and no config files, its JSON output parsed.
/// </summary>
public sealed class AwsCliTests : IAsyncLifetime
{
    private LocalAws aws = null!;

    public async Task InitializeAsync()
    {
        aws = await LocalAws.StartAsync(new LocalAwsOptions
        {
            Scenario = Scenario.Cluster("cli-cluster").WithNodeGroup("static", 2, 2).WithSecret("app/key", "v", ("team", "hpc")).Build(),
        });
        aws.Clock.Advance(TimeSpan.FromMinutes(5));
    }

    public async Task DisposeAsync() => await aws.DisposeAsync();

    [Fact]
    public async Task Pcs_ListAndGetCluster_TheScenarioCluster()
    {
        var list = await CliAsync("pcs", "list-clusters");
        var cluster = (await CliAsync("pcs", "get-cluster", "--cluster-identifier", "cli-cluster"))["cluster"]!;

        Assert.Equal("cli-cluster", list["clusters"]!.AsArray().Single()!["name"]!.GetValue<string>());
        Assert.Equal("ACTIVE", cluster["status"]!.GetValue<string>());
        Assert.Matches("^pcs_[a-z0-9]{10}$", cluster["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task SecretsManager_ListAndDescribe_ClusterSecretByTagFilter()
    {
        var clusterId = aws.State.FindCluster("cli-cluster")!.Id;

        var list = await CliAsync("secretsmanager", "list-secrets", "--filters", $"Key=tag-value,Values={clusterId}");
        var arn = list["SecretList"]!.AsArray().Single()!["ARN"]!.GetValue<string>();
        var described = await CliAsync("secretsmanager", "describe-secret", "--secret-id", arn);

        Assert.StartsWith("pcs!slurm-secret-", described["Name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(described["Tags"]!.AsArray(), t => t!["Key"]!.GetValue<string>() == "aws:pcs:cluster-id");
    }

    [Fact]
    public async Task Ec2AndSsm_DescribeInstancesAndGetParameter_NodeGroupInstancesAndPublicAmi()
    {
        var clusterId = aws.State.FindCluster("cli-cluster")!.Id;

        var instances = await CliAsync("ec2", "describe-instances", "--filters", $"Name=tag:aws:pcs:cluster-id,Values={clusterId}");
        var parameter = await CliAsync("ssm", "get-parameter", "--name", "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64");

        Assert.Equal(2, instances["Reservations"]!.AsArray().SelectMany(r => r!["Instances"]!.AsArray()).Count());
        Assert.StartsWith("ami-", parameter["Parameter"]!["Value"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DynamoDb_PutThenGetItem_RoundTrips()
    {
        await CliAsync("dynamodb", "create-table", "--table-name", "Leases", "--billing-mode", "PAY_PER_REQUEST",
            "--key-schema", "AttributeName=pk,KeyType=HASH", "--attribute-definitions", "AttributeName=pk,AttributeType=S");
        await CliAsync("dynamodb", "put-item", "--table-name", "Leases", "--item", """{"pk":{"S":"cluster#c"},"owner":{"S":"cli"}}""",
            "--condition-expression", "attribute_not_exists(pk)");

        var item = await CliAsync("dynamodb", "get-item", "--table-name", "Leases", "--key", """{"pk":{"S":"cluster#c"}}""");

        Assert.Equal("cli", item["Item"]!["owner"]!["S"]!.GetValue<string>());
    }

    [Fact]
    public async Task Events_TestEventPatternAndPutEvents_MatchAndAccepted()
    {
        const string Event = """{"id":"1","source":"aws.pcs","detail-type":"AWS API Call via CloudTrail","account":"111122223333","time":"2026-01-05T08:00:00Z","region":"us-east-1","resources":[],"detail":{"eventName":"UpdateCluster"}}""";

        var match = await CliAsync("events", "test-event-pattern", "--event", Event, "--event-pattern", """{"source":["aws.pcs"],"detail":{"eventName":[{"prefix":"Update"}]}}""");
        var miss = await CliAsync("events", "test-event-pattern", "--event", Event, "--event-pattern", """{"source":["aws.ec2"]}""");
        var put = await CliAsync("events", "put-events", "--entries", """[{"Source":"pcs.automation","DetailType":"Test","Detail":"{\"a\":1}"}]""");

        Assert.True(match["Result"]!.GetValue<bool>());
        Assert.False(miss["Result"]!.GetValue<bool>());
        Assert.Equal(0, put["FailedEntryCount"]!.GetValue<int>());
    }

    private Task<JsonObject> CliAsync(params string[] arguments) => AwsCli.JsonAsync(aws, arguments);
}
