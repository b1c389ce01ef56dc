using System.Net;
using Amazon.Runtime;

namespace PcsAutomation.Aws.Tests.Runtime;

public class AwsJsonClientCredentialsTests
{
    /// <summary>Credentials that rotate on every read, as refreshing ones (container, IMDS) do when they expire.</summary>
    private sealed class RotatingCredentials : AWSCredentials
    {
        public int Reads { get; private set; }

        public override ImmutableCredentials GetCredentials() => new($"AKID{++Reads}", "secret", $"token-{Reads}");
    }

    [Fact]
    public async Task InvokeAsync_EachAttempt_ReadsTheCredentialsAgain()
    {
        var credentials = new RotatingCredentials();
        using var clients = new TestClients(o => o with { Credentials = credentials });
        clients.Handler.RespondError(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable").RespondOk();

        var call = clients.GetClusterAsync();
        await clients.Clock.AdvanceNextTimerAsync(TestClients.RequestTimeout, call);
        await call;

        Assert.Equal(2, credentials.Reads);
        Assert.Contains("Credential=AKID1/", clients.Handler.Requests[0].Headers["Authorization"], StringComparison.Ordinal);
        Assert.Contains("Credential=AKID2/", clients.Handler.Requests[1].Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal("token-2", clients.Handler.Requests[1].Headers["X-Amz-Security-Token"]);
    }
}
