using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Aws.SecretsManager.Model;
using PcsAutomation.LocalAws.Scenarios;
using SecretsInvalidRequest = PcsAutomation.Aws.SecretsManager.Model.InvalidRequestException;

namespace PcsAutomation.LocalAws.Tests.Integration;

/// <summary>The product's AmazonSecretsManagerClient, unchanged, on the PCS cluster secret.</summary>
public sealed class SecretsManagerClientTests
{
    [Fact] // guide L2249-2253: the cluster secret, tagged aws:pcs:cluster-id, found by filters; versions and stages
    public async Task ClusterSecret_ThroughClient_DescribedListedAndReadByStage()
    {
        await using var clients = await ProductClients.StartAsync(Scenario.Cluster("c").AndCluster("other").WithSecret("app/key", "v"));
        var cluster = clients.Aws.State.FindCluster("c")!;
        var secrets = clients.Secrets;

        var described = await secrets.DescribeSecretAsync(new DescribeSecretRequest { SecretId = cluster.SecretArn });
        var byTag = await secrets.ListSecretsAsync(new ListSecretsRequest
        {
            Filters = [new Filter { Key = FilterNameStringType.TagKey, Values = ["aws:pcs:cluster-id"] }, new Filter { Key = FilterNameStringType.TagValue, Values = [cluster.Id] }],
        });
        var byName = await secrets.Paginators.ListSecrets(new ListSecretsRequest
        {
            Filters = [new Filter { Key = FilterNameStringType.Name, Values = ["pcs!slurm-secret-"] }], MaxResults = 1,
        }).SecretList.Select(s => s.Name).ToListAsync();
        var versions = await secrets.ListSecretVersionIdsAsync(new ListSecretVersionIdsRequest { SecretId = cluster.SecretArn });
        var current = await secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = cluster.SecretArn, VersionStage = "AWSCURRENT" });

        Assert.Equal(cluster.Id, described.Tags!.Single(t => t.Key == "aws:pcs:cluster-id").Value);
        Assert.Equal(["AWSCURRENT"], described.VersionIdsToStages![cluster.SecretVersion]);
        Assert.Equal(cluster.SecretArn, Assert.Single(byTag.SecretList!).ARN);
        Assert.Equal(2, byName.Count);
        Assert.All(byName, n => Assert.StartsWith("pcs!slurm-secret-", n, StringComparison.Ordinal));
        Assert.Equal(cluster.SecretVersion, Assert.Single(versions.Versions!).VersionId);
        Assert.Equal(cluster.SecretVersion, current.VersionId);
        Assert.Equal(32, Convert.FromBase64String(current.SecretString!).Length); // guide L2323
    }

    [Fact] // guide L2375-2380, L2429-2431: managed rotation with no nodes up: new AWSCURRENT, authKey follows
    public async Task RotateSecret_NoInstances_NewCurrentAndClusterAuthKeyFollows()
    {
        await using var clients = await ProductClients.StartAsync(Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4));
        var arn = clients.Aws.State.FindCluster("c")!.SecretArn;

        var rotate = await clients.Secrets.RotateSecretAsync(new RotateSecretRequest { SecretId = arn });
        clients.Advance(TimeSpan.FromMinutes(5));

        var described = await clients.Secrets.DescribeSecretAsync(new DescribeSecretRequest { SecretId = arn });
        var authKey = (await clients.Pcs.GetClusterAsync(new GetClusterRequest { ClusterIdentifier = "c" })).Cluster!.SlurmConfiguration!.AuthKey!;
        Assert.Equal(["AWSCURRENT"], described.VersionIdsToStages![rotate.VersionId!]);
        Assert.NotNull(described.LastRotatedDate);
        Assert.Equal(rotate.VersionId, authKey.SecretVersion);
    }

    [Fact] // guide L2468-2470, L2487-2490: running instances make rotation fail; the lingering AWSPENDING blocks the next one
    public async Task RotateSecret_InstancesRunning_FailsThenLingeringPendingIsInvalidRequest()
    {
        await using var clients = await ProductClients.StartAsync(Scenario.Cluster("c").WithNodeGroup("login", 1, 1));
        clients.Advance(TimeSpan.FromMinutes(3));
        var arn = clients.Aws.State.FindCluster("c")!.SecretArn;
        var before = await clients.Secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = arn });

        var pending = await clients.Secrets.RotateSecretAsync(new RotateSecretRequest { SecretId = arn });
        clients.Advance(TimeSpan.FromMinutes(5));
        var after = await clients.Secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = arn, VersionStage = "AWSCURRENT" });
        var versions = await clients.Secrets.ListSecretVersionIdsAsync(new ListSecretVersionIdsRequest { SecretId = arn });
        var error = await Assert.ThrowsAsync<SecretsInvalidRequest>(() => clients.Secrets.RotateSecretAsync(new RotateSecretRequest { SecretId = arn }));

        Assert.Equal(before.VersionId, after.VersionId);
        Assert.Equal(before.SecretString, after.SecretString);
        Assert.Contains("AWSPENDING", versions.Versions!.Single(v => v.VersionId == pending.VersionId).VersionStages!);
        Assert.Equal(400, (int)error.StatusCode);
        Assert.Equal("InvalidRequestException", error.ErrorCode);
    }
}
