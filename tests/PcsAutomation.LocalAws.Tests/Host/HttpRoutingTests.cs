using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.Host;

public class HttpRoutingTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Post_PcsTarget_RoutedToPcsWithRequestId()
    {
        using var client = new SignedClient(server.Aws.Endpoint);

        var (status, body, response) = await client.SendAsync("AWSParallelComputingService.GetCluster", """{"clusterIdentifier":"http-demo"}""", "pcs");

        Assert.Equal(200, status);
        Assert.Equal("http-demo", body!["cluster"]!["name"]!.GetValue<string>());
        Assert.Equal("application/x-amz-json-1.0", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.Contains("x-amzn-RequestId"));
    }

    [Fact]
    public async Task Post_SecretsManagerTarget_RoutedWithJson11AndCapitalMessage()
    {
        using var client = new SignedClient(server.Aws.Endpoint);

        var (status, body, response) = await client.SendAsync("secretsmanager.DescribeSecret", """{"SecretId":"absent"}""", "secretsmanager", "1.1");

        Assert.Equal(400, status);
        Assert.Equal("ResourceNotFoundException", body!["__type"]!.GetValue<string>());
        Assert.NotNull(body["Message"]);
        Assert.Equal("application/x-amz-json-1.1", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact] // PCS models ResourceNotFoundException as 404 with resourceId and resourceType
    public async Task Post_PcsUnknownCluster_404WithModelledMembers()
    {
        using var client = new SignedClient(server.Aws.Endpoint);

        var (status, body, _) = await client.SendAsync("AWSParallelComputingService.GetCluster", """{"clusterIdentifier":"nope-cluster"}""", "pcs");

        Assert.Equal(404, status);
        Assert.Equal("ResourceNotFoundException", body!["__type"]!.GetValue<string>());
        Assert.Single(server.Aws.Calls.Calls, c => c.Operation == "GetCluster" && c.Status == 404);
        Assert.Equal("nope-cluster", body["resourceId"]!.GetValue<string>());
        Assert.Equal("cluster", body["resourceType"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("AWSParallelComputingService.DoSomething", "pcs")]
    [InlineData("NoSuchService_20990101.GetThing", "pcs")]
    public async Task Post_UnknownOperationOrTarget_400UnknownOperation(string target, string service)
    {
        using var client = new SignedClient(server.Aws.Endpoint);

        var (status, body, _) = await client.SendAsync(target, "{}", service);

        Assert.Equal(400, status);
        Assert.Equal("UnknownOperationException", body!["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_InvalidJson_400SerializationException()
    {
        using var client = new SignedClient(server.Aws.Endpoint);

        var (status, body, _) = await client.SendAsync("AWSParallelComputingService.ListClusters", "{not json", "pcs");

        Assert.Equal(400, status);
        Assert.Equal("SerializationException", body!["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_WrongMemberType_400ValidationException()
    {
        using var client = new SignedClient(server.Aws.Endpoint);

        var (status, body, _) = await client.SendAsync("AWSParallelComputingService.GetCluster", """{"clusterIdentifier":42}""", "pcs");

        Assert.Equal(400, status);
        Assert.Equal("ValidationException", body!["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_UnsignedFormWithAction_QueryProtocolXmlAuthError()
    {
        using var http = new HttpClient { BaseAddress = server.Aws.Endpoint };
        using var content = new FormUrlEncodedContent([new("Action", "DescribeNothing"), new("Version", "2016-11-15")]);

        var response = await http.PostAsync("/", content);

        // EC2's query protocol answers in XML, and like every AWS front end refuses an unsigned request first
        Assert.Equal(403, (int)response.StatusCode);
        Assert.Contains("<Code>MissingAuthenticationTokenException</Code>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_BodyAboveLimit_413AndNoCrash()
    {
        using var client = new SignedClient(server.Aws.Endpoint);
        var huge = "{\"clusterIdentifier\":\"" + new string('a', 2 << 20) + "\"}";

        var (status, body, _) = await client.SendAsync("AWSParallelComputingService.GetCluster", huge, "pcs");

        Assert.Equal(413, status);
        Assert.Equal("RequestEntityTooLargeException", body!["__type"]!.GetValue<string>());
    }
}
