using System.Net.Sockets;
using PcsAutomation.Slurm.Errors;
using PcsAutomation.Slurm.Model;
using PcsAutomation.Slurm.Tests.Support;

namespace PcsAutomation.Slurm.Tests.Client;

/// <summary>No key value and no token in any message, ToString or inner exception the client produces (issue 12).</summary>
public sealed class SlurmRestClientLeakTests
{
    [Fact]
    public async Task EveryFailure_TextsCarryNoKeyAndNoToken()
    {
        var clients = new Clients();
        var stub = new StubSlurmrestd().Offering(43)
            .On("GET /slurm/v0.0.43/jobs/", 511, SlurmResponses.ProtocolAuthenticationError)
            .On("GET /slurm/v0.0.43/nodes/", _ => StubSlurmrestd.Text(401, "Authentication failure"))
            .On("GET /slurm/v0.0.43/ping/", 503, SlurmResponses.Empty)
            .On("POST /slurm/v0.0.43/reservation", 500, SlurmResponses.NodesBusy)
            .On("GET /slurm/v0.0.43/reservations/", 200, "[]");
        using var client = await clients.ConnectAsync(stub);
        clients.Secrets.Current = TestKeys.Base64(TestKeys.NewBytes); // so the 1007 path re-reads and re-mints too
        var now = DateTimeOffset.FromUnixTimeSeconds(SlurmResponses.Now);

        List<Exception> failures =
        [
            await Assert.ThrowsAsync<SlurmRestAuthenticationException>(() => client.ListJobsAsync()),
            await Assert.ThrowsAsync<SlurmRestAuthenticationException>(() => client.ListNodesAsync()),
            await Assert.ThrowsAsync<SlurmRestTransientException>(() => client.PingAsync()),
            await Assert.ThrowsAsync<SlurmRestException>(() => client.CreateMaintenanceReservationAsync(
                new SlurmMaintenanceReservation("r", ["n1"], now, now.AddHours(1), "c"))),
            await Assert.ThrowsAsync<SlurmRestProtocolException>(() => client.ListReservationsAsync()),
            await Assert.ThrowsAsync<SlurmRestUnreachableException>(() => new Clients().ConnectAsync(new RefusingHandler())),
            await Assert.ThrowsAsync<SlurmRestVersionException>(() => new Clients().ConnectAsync(new StubSlurmrestd().Offering(42))),
        ];

        var tokens = stub.Requests.Select(r => r.Authorization!["Bearer ".Length..]).Distinct().ToList();
        Assert.True(tokens.Count >= 2, "the old and the re-minted token were sent");
        var secrets = new List<string>(tokens.SelectMany(t => t.Split('.').Skip(1))); // claims and signature of each
        foreach (var key in new[] { TestKeys.OldBytes, TestKeys.NewBytes })
            secrets.AddRange([Convert.ToBase64String(key), Convert.ToBase64String(key).TrimEnd('='), Convert.ToHexString(key)]);
        var texts = failures.Select(f => f.ToString()).Append(client.ToString()).Append(clients.Options.ToString()).ToList();

        Assert.Equal(7, failures.Count);
        foreach (var secret in secrets)
            Assert.DoesNotContain(texts, text => text.Contains(secret, StringComparison.OrdinalIgnoreCase));
    }

    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromException<HttpResponseMessage>(new HttpRequestException(
                HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused)));
    }
}
