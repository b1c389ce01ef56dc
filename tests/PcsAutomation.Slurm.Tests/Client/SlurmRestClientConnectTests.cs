using PcsAutomation.Slurm.Api;
using PcsAutomation.Slurm.Client;
using PcsAutomation.Slurm.Errors;
using PcsAutomation.Slurm.Tests.Support;

namespace PcsAutomation.Slurm.Tests.Client;

public sealed class SlurmRestClientConnectTests
{
    [Fact]
    public async Task ConnectAsync_Slurm2505_ReadsTheOpenApiDocumentWithASignedBearerTokenAndChoosesV43()
    {
        var stub = new StubSlurmrestd().Offering(42, 43);
        var clients = new Clients();

        using var client = await clients.ConnectAsync(stub);

        Assert.Equal(new SlurmApiVersion(43), client.Version);
        Assert.True(client.Capabilities.Reservations);
        Assert.Equal([new SlurmApiVersion(42), new SlurmApiVersion(43)], client.OfferedVersions);
        var request = Assert.Single(stub.Requests);
        Assert.Equal("GET /openapi/v3", request.Line);
        Assert.StartsWith("Bearer ", request.Authorization, StringComparison.Ordinal); // guide L6889
        Assert.True(request.Token.SignedWith(TestKeys.OldBytes));
        Assert.Equal("root", request.Token.Claims["sub"]!.GetValue<string>());
        Assert.Equal([(TestKeys.SecretArn, (string?)"v-old")], clients.Secrets.Reads);
    }

    [Fact]
    public async Task ConnectAsync_OnlyV42_ThrowsVersionErrorNamingClusterAndOfferedVersions()
    {
        var stub = new StubSlurmrestd().Offering(41, 42);

        var error = await Assert.ThrowsAsync<SlurmRestVersionException>(() => new Clients().ConnectAsync(stub));

        Assert.Equal(["v0.0.41", "v0.0.42"], error.Offered);
        Assert.Contains("cluster demo (pcs_abc123) at 10.0.1.23:6820", error.Message, StringComparison.Ordinal);
        Assert.Contains("needs v0.0.43 or newer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_DocumentIsNotJson_ThrowsProtocolError()
    {
        var stub = new StubSlurmrestd().On("GET /openapi/v3", _ => StubSlurmrestd.Text(200, "openapi: 3.0.3\npaths: {}\n"));

        var error = await Assert.ThrowsAsync<SlurmRestProtocolException>(() => new Clients().ConnectAsync(stub));

        Assert.Contains("GET /openapi/v3", error.Message, StringComparison.Ordinal);
        Assert.Contains("not an OpenAPI JSON document", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_BadOptions_ThrowsNamingTheProperty()
    {
        var clients = new Clients();

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            clients.ConnectAsync(new StubSlurmrestd(), clients.Options with { MaxAttempts = 0 }));

        Assert.Equal("MaxAttempts", error.ParamName);
    }
}
