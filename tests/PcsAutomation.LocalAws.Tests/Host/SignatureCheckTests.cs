using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.Host;

public class SignatureCheckTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Target = "AWSParallelComputingService.ListClusters";

    [Fact]
    public async Task Request_WithoutAuthorization_403MissingAuthenticationToken()
    {
        using var client = new SignedClient(server.Aws.Endpoint);

        var (status, body, _) = await client.SendAsync(Target, "{}", "pcs", tamper: r => r.Headers.Remove("Authorization"));

        Assert.Equal((403, "MissingAuthenticationTokenException"), (status, body!["__type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Request_ScopedToOtherService_403InvalidSignature()
    {
        using var client = new SignedClient(server.Aws.Endpoint);

        var (status, body, _) = await client.SendAsync(Target, "{}", "secretsmanager");

        Assert.Equal((403, "InvalidSignatureException"), (status, body!["__type"]!.GetValue<string>()));
        Assert.Contains("'pcs'", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_ScopedToOtherRegion_403InvalidSignature()
    {
        using var client = new SignedClient(server.Aws.Endpoint);

        var (status, body, _) = await client.SendAsync(Target, "{}", "pcs", signingRegion: "eu-west-1");

        Assert.Equal((403, "InvalidSignatureException"), (status, body!["__type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Request_WrongSecretKey_403SignatureMismatch()
    {
        using var client = new SignedClient(server.Aws.Endpoint, secretKey: "not-the-right-key");

        var (status, body, _) = await client.SendAsync(Target, "{}", "pcs");

        Assert.Equal((403, "InvalidSignatureException"), (status, body!["__type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Request_BodyChangedAfterSigning_403SignatureMismatch()
    {
        using var client = new SignedClient(server.Aws.Endpoint);

        var (status, _, _) = await client.SendAsync(Target, "{}", "pcs",
            tamper: r => r.Content = new StringContent("""{"maxResults":1}""", System.Text.Encoding.UTF8, "application/x-amz-json-1.0"));

        Assert.Equal(403, status);
    }

    [Fact]
    public async Task Request_UnknownAccessKey_403UnrecognizedClient()
    {
        using var client = new SignedClient(server.Aws.Endpoint, accessKey: "AKIAUNKNOWNUNKNOWN00");

        var (status, body, _) = await client.SendAsync(Target, "{}", "pcs");

        Assert.Equal((403, "UnrecognizedClientException"), (status, body!["__type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Request_MalformedAuthorization_403IncompleteSignature()
    {
        using var client = new SignedClient(server.Aws.Endpoint);

        var (status, body, _) = await client.SendAsync(Target, "{}", "pcs", tamper: r =>
        {
            r.Headers.Remove("Authorization");
            r.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKIA/20260105/us-east-1/pcs/aws4_request");
        });

        Assert.Equal((403, "IncompleteSignatureException"), (status, body!["__type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Request_UnknownKeyAllowedByOption_Accepted()
    {
        await using var aws = await LocalAws.StartAsync(new LocalAwsOptions { AcceptUnknownAccessKeys = true });
        using var client = new SignedClient(aws.Endpoint, accessKey: "AKIAUNKNOWNUNKNOWN00", secretKey: "anything");

        var (status, _, _) = await client.SendAsync(Target, "{}", "pcs");

        Assert.Equal(200, status);
    }
}
