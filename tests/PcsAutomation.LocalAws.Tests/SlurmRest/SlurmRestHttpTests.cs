using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.SlurmRest;

/// <summary>The slurmrestd listeners over real HTTP: the SLURMRESTD endpoint of GetCluster, and REST unreachable.</summary>
public sealed class SlurmRestHttpTests : IAsyncLifetime
{
    private LocalAws aws = null!;

    public async Task InitializeAsync() =>
        aws = await LocalAws.StartAsync(new LocalAwsOptions
        {
            Scenario = Scenario.Cluster("rest").WithSlurmRest().WithNodeGroup("compute", 0, 2).WithQueue("q", "compute")
                .AndCluster("plain").WithNodeGroup("compute", 0, 2).WithQueue("q", "compute").Build(),
        });

    public async Task DisposeAsync() => await aws.DisposeAsync();

    private JsonArray Endpoints(string cluster) =>
        (JsonArray)((JsonObject)aws.Call("pcs", "GetCluster", new JsonObject { ["clusterIdentifier"] = cluster }))["cluster"]!["endpoints"]!;

    private Uri RestEndpoint()
    {
        var endpoint = Endpoints("rest").Single(e => (string)e!["type"]! == "SLURMRESTD")!;
        return new Uri($"http://{(string)endpoint["privateIpAddress"]!}:{(string)endpoint["port"]!}/");
    }

    private async Task<HttpResponseMessage> PingAsync(Uri endpoint)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint, "slurm/v0.0.43/ping"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SlurmTokens.Mint(SlurmTokens.CurrentKey(aws, "rest"), aws.Clock.GetUtcNow()));
        return await http.SendAsync(request);
    }

    [Fact] // guide L6832-6843: endpoints[] has SLURMRESTD; the emulator's is 127.0.0.1 and the listener's port
    public async Task GetCluster_RestEnabled_EndpointIsTheListener()
    {
        var endpoint = RestEndpoint();

        using var response = await PingAsync(endpoint);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("127.0.0.1", endpoint.Host);
        Assert.Equal(aws.SlurmRest.Endpoint("rest"), endpoint);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.True((bool)body["pings"]![0]!["responding"]!);
        Assert.DoesNotContain(Endpoints("plain"), e => (string)e!["type"]! == "SLURMRESTD");
    }

    [Fact] // the cluster secret is also the JWT key (guide L2371): jwtAuth.jwtKey of the model names it
    public void GetCluster_RestEnabled_JwtKeyIsTheClusterSecret()
    {
        var slurm = ((JsonObject)aws.Call("pcs", "GetCluster", new JsonObject { ["clusterIdentifier"] = "rest" }))["cluster"]!["slurmConfiguration"]!;

        Assert.Equal((string)slurm["authKey"]!["secretArn"]!, (string)slurm["jwtAuth"]!["jwtKey"]!["secretArn"]!);
        Assert.Equal((string)slurm["authKey"]!["secretVersion"]!, (string)slurm["jwtAuth"]!["jwtKey"]!["secretVersion"]!);
    }

    [Fact] // REST unreachable: the listener stopped refuses connections; started again, it answers on the same port
    public async Task StopAsync_ConnectionRefusedUntilStartedAgain()
    {
        var endpoint = RestEndpoint();

        await aws.SlurmRest.StopAsync("rest");
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => PingAsync(endpoint));
        await aws.SlurmRest.StartAsync("rest");
        using var answered = await PingAsync(endpoint);

        Assert.Equal(System.Net.Sockets.SocketError.ConnectionRefused, (refused.InnerException as System.Net.Sockets.SocketException)?.SocketErrorCode);
        Assert.Equal(200, (int)answered.StatusCode);
        Assert.Equal(endpoint, RestEndpoint());
    }

    [Fact]
    public async Task StartAsync_ClusterWithoutRest_RefusedNamingTheRequirement()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => aws.SlurmRest.StartAsync("plain"));

        Assert.Contains("slurmRest mode STANDARD and Slurm 25.05 or later", error.Message, StringComparison.Ordinal);
    }

    [Fact] // over HTTP, a missing token: 401 with slurmrestd's text
    public async Task Request_NoToken_401()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(RestEndpoint(), "slurm/v0.0.43/jobs/"));

        Assert.Equal((401, "Authentication failure"), ((int)response.StatusCode, await response.Content.ReadAsStringAsync()));
    }
}
