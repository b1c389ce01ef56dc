using System.Net;
using Amazon.Runtime;

namespace PcsAutomation.Aws.Tests.Runtime;

public class AwsJsonClientProtocolTests
{
    [Fact]
    public async Task InvokeAsync_Json10_PostsToSlashWithTargetContentTypeDateAndSignature()
    {
        using var clients = new TestClients();
        clients.Handler.RespondOk("""{"status":"ACTIVE"}""");

        var response = await clients.GetClusterAsync();

        Assert.Equal("ACTIVE", response.Status);
        var request = Assert.Single(clients.Handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://pcs.us-east-1.amazonaws.com/", request.Uri.ToString());
        Assert.Equal("AWSParallelComputingService.GetCluster", request.Headers["X-Amz-Target"]);
        Assert.Equal("application/x-amz-json-1.0", request.Headers["Content-Type"]);
        Assert.Equal("20261125T120000Z", request.Headers["X-Amz-Date"]);
        Assert.Equal("""{"clusterIdentifier":"demo"}""", request.Body);
        Assert.StartsWith(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261125/us-east-1/pcs/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=",
            request.Headers["Authorization"],
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_Json11_UsesItsContentTypeAndTargetPrefix()
    {
        using var clients = new TestClients();
        clients.Handler.RespondOk();
        var secrets = clients.Factory.CreateJsonInvoker(TestService.SecretsManager, TestService.Errors);

        await clients.GetClusterAsync(secrets);

        var request = Assert.Single(clients.Handler.Requests);
        Assert.Equal("application/x-amz-json-1.1", request.Headers["Content-Type"]);
        Assert.Equal("secretsmanager.GetCluster", request.Headers["X-Amz-Target"]);
        Assert.Equal("https://secretsmanager.us-east-1.amazonaws.com/", request.Uri.ToString());
        Assert.Contains("/us-east-1/secretsmanager/aws4_request", request.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_SessionCredentials_SendsSignedSecurityToken()
    {
        using var clients = new TestClients(o => o with { Credentials = new SessionAWSCredentials("ASIAEXAMPLE", "secret", "the-token") });
        clients.Handler.RespondOk();

        await clients.GetClusterAsync();

        var request = Assert.Single(clients.Handler.Requests);
        Assert.Equal("the-token", request.Headers["X-Amz-Security-Token"]);
        Assert.Contains("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target,", request.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_EmptyResponseBody_DeserializesAsEmptyObject()
    {
        using var clients = new TestClients();
        clients.Handler.Respond(HttpStatusCode.OK, "");

        var response = await clients.GetClusterAsync();

        Assert.Null(response.Status);
    }

    [Fact]
    public async Task InvokeAsync_EndpointOverrideWithPort_SignsHostWithPort()
    {
        using var clients = new TestClients(o => o with { Environment = name => name == "AWS_ENDPOINT_URL_PCS" ? "http://127.0.0.1:4566" : null });
        clients.Handler.RespondOk();

        await clients.GetClusterAsync();

        var request = Assert.Single(clients.Handler.Requests);
        Assert.Equal("http://127.0.0.1:4566/", request.Uri.ToString());
        Assert.Equal("127.0.0.1:4566", request.Headers["Host"]);
    }
}
