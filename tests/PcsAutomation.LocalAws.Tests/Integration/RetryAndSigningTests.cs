using Amazon.Runtime;
using PcsAutomation.Aws.PCS;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Aws.Runtime;
using PcsAutomation.LocalAws.Faults;
using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.LocalAws.Tests.Integration;

/// <summary>Our JSON client's retries over the emulator's injected faults, and SigV4 scope checks answered with the real errors.</summary>
public sealed class RetryAndSigningTests
{
    [Fact] // issue 3 item 11: a throttle then a 5xx are retried; the third attempt succeeds
    public async Task GetCluster_ThrottledThen500_RetriedToSuccess()
    {
        await using var clients = await ProductClients.StartAsync(Scenario.Cluster("c"));
        clients.Aws.Faults.Add(new FaultRule("pcs", "GetCluster") { FailOnNthCall = 1, ForcedErrorCode = "ThrottlingException", ForcedErrorStatus = 429 });
        clients.Aws.Faults.Add(new FaultRule("pcs", "GetCluster") { FailOnNthCall = 2, ForcedErrorCode = "InternalServerException", ForcedErrorStatus = 500 });

        var cluster = (await clients.Pcs.GetClusterAsync(new GetClusterRequest { ClusterIdentifier = "c" })).Cluster!;

        Assert.Equal("c", cluster.Name);
        Assert.Equal([429, 500, 200], clients.Aws.Calls.Of("pcs", "GetCluster").Select(c => c.Status));
    }

    [Fact] // a service that keeps throttling: the client gives up after MaxAttempts with the typed exception
    public async Task GetCluster_AlwaysThrottled_ThrottlingExceptionAfterMaxAttempts()
    {
        await using var clients = await ProductClients.StartAsync(Scenario.Cluster("c"), maxAttempts: 3);
        clients.Aws.Faults.Add(new FaultRule("pcs") { ThrottleRate = 1.0 });

        var error = await Assert.ThrowsAsync<ThrottlingException>(() => clients.Pcs.GetClusterAsync(new GetClusterRequest { ClusterIdentifier = "c" }));

        Assert.Equal(429, (int)error.StatusCode);
        Assert.Equal(3, clients.Aws.Calls.Of("pcs", "GetCluster").Count);
    }

    [Fact] // issue 3 item 1: a request signed for another Region is refused as AWS does (403 InvalidSignatureException)
    public async Task Request_SignedForAnotherRegion_InvalidSignatureException()
    {
        await using var clients = await ProductClients.StartAsync(Scenario.Cluster("c"));
        using var factory = Factory(clients.Aws, "eu-west-1");
        var pcs = new AmazonPCSClient(factory.CreateJsonInvoker(AmazonPCSClient.ServiceMetadata, AmazonPCSException.FromErrorResponse));

        var error = await Assert.ThrowsAsync<AmazonPCSException>(() => pcs.GetClusterAsync(new GetClusterRequest { ClusterIdentifier = "c" }));

        Assert.Equal(("InvalidSignatureException", 403), (error.ErrorCode, (int)error.StatusCode));
        Assert.Contains("region", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact] // signed for "secretsmanager" but sent to PCS: refused, naming the expected service
    public async Task Request_SignedForAnotherService_InvalidSignatureException()
    {
        await using var clients = await ProductClients.StartAsync(Scenario.Cluster("c"));
        var wrongScope = AmazonPCSClient.ServiceMetadata with { SigningName = "secretsmanager" };
        var pcs = new AmazonPCSClient(clients.Factory.CreateJsonInvoker(wrongScope, AmazonPCSException.FromErrorResponse));

        var error = await Assert.ThrowsAsync<AmazonPCSException>(() => pcs.GetClusterAsync(new GetClusterRequest { ClusterIdentifier = "c" }));

        Assert.Equal(("InvalidSignatureException", 403), (error.ErrorCode, (int)error.StatusCode));
        Assert.Contains("'pcs'", error.Message, StringComparison.Ordinal);
    }

    private static AwsClientFactory Factory(LocalAws aws, string region) => AwsClientFactory.Create(new AwsClientOptions
    {
        Environment = name => name == "AWS_ENDPOINT_URL" ? aws.Endpoint.ToString() : null,
        Region = region,
        Credentials = new BasicAWSCredentials(LocalAwsOptions.TestAccessKeyId, LocalAwsOptions.TestSecretAccessKey),
        TimeProvider = aws.Clock,
        Random = () => 0,
        MaxAttempts = 1,
    });
}
