using System.Net;
using System.Net.Sockets;
using PcsAutomation.Slurm.Auth;
using PcsAutomation.Slurm.Client;
using PcsAutomation.Slurm.Connection;
using PcsAutomation.Slurm.Errors;
using PcsAutomation.Slurm.Model;
using PcsAutomation.Slurm.Tests.Support;

namespace PcsAutomation.Slurm.Tests.Client;

public sealed class SlurmRestClientErrorTests
{
    [Fact]
    public async Task SlurmError_500WithErrors_NamedErrorWithItsFieldsAndNotRetried()
    {
        var stub = new StubSlurmrestd().Offering(43).On("POST /slurm/v0.0.43/reservation", 500, SlurmResponses.NodesBusy);
        using var client = await new Clients().ConnectAsync(stub);
        var reservation = new SlurmMaintenanceReservation("pcs-automation-run-1", ["compute-1-1"],
            DateTimeOffset.FromUnixTimeSeconds(SlurmResponses.Now), DateTimeOffset.FromUnixTimeSeconds(SlurmResponses.Now + 60), "c");

        var error = await Assert.ThrowsAsync<SlurmRestException>(() => client.CreateMaintenanceReservationAsync(reservation));

        Assert.Equal(typeof(SlurmRestException), error.GetType());
        Assert.Equal(500, error.HttpStatus);
        Assert.Equal("POST /slurm/v0.0.43/reservation", error.Request);
        Assert.Equal(new SlurmError(2016, "Requested nodes are busy", "Error creating reservation pcs-automation-run-1", "slurm_create_reservation"), Assert.Single(error.Errors));
        Assert.False(error.IsTransient);
        Assert.Contains("cluster demo (pcs_abc123) at 10.0.1.23:6820", error.Message, StringComparison.Ordinal);
        Assert.Contains("2016 Requested nodes are busy", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task Transient503_RetriedThenAnswered()
    {
        var stub = new StubSlurmrestd().Offering(43).OnSequence("GET /slurm/v0.0.43/ping/",
            _ => StubSlurmrestd.Text(503, "busy"), _ => StubSlurmrestd.Json(200, SlurmResponses.Ping));
        using var client = await new Clients().ConnectAsync(stub);

        Assert.Single(await client.PingAsync());
        Assert.Equal(3, stub.Requests.Count);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(500)]
    public async Task TransientStatusEveryTime_TransientErrorAfterMaxAttempts(int status)
    {
        var stub = new StubSlurmrestd().Offering(43).On("GET /slurm/v0.0.43/jobs/", status, SlurmResponses.Empty);
        using var client = await new Clients().ConnectAsync(stub);

        var error = await Assert.ThrowsAsync<SlurmRestTransientException>(() => client.ListJobsAsync());

        Assert.True(error.IsTransient);
        Assert.Equal(status, error.HttpStatus);
        Assert.Contains("after 3 attempt(s)", error.Message, StringComparison.Ordinal);
        Assert.Equal(1 + 3, stub.Requests.Count);
    }

    [Fact]
    public async Task Error1007_KeyRotated_RereadsTheCurrentKeyAndSucceedsOnTheOneMoreTry()
    {
        var clients = new Clients();
        // slurmctld verifies with the new key: tokens signed with the old one are refused with 1007 and HTTP 511
        var stub = new StubSlurmrestd().Offering(43).On("GET /slurm/v0.0.43/jobs/", request => request.Token.SignedWith(TestKeys.NewBytes)
            ? StubSlurmrestd.Json(200, SlurmResponses.Jobs)
            : StubSlurmrestd.Json(511, SlurmResponses.ProtocolAuthenticationError))
            .On("GET /slurm/v0.0.43/ping/", 200, SlurmResponses.Ping);
        using var client = await clients.ConnectAsync(stub);
        clients.Secrets.Current = TestKeys.Base64(TestKeys.NewBytes); // the rotation

        var jobs = await client.ListJobsAsync();

        Assert.NotEmpty(jobs);
        var tries = stub.Requests.Where(r => r.Line == "GET /slurm/v0.0.43/jobs/").ToList();
        Assert.Equal(2, tries.Count);
        Assert.True(tries[0].Token.SignedWith(TestKeys.OldBytes));
        Assert.True(tries[1].Token.SignedWith(TestKeys.NewBytes));
        Assert.Equal([(TestKeys.SecretArn, (string?)"v-old"), (TestKeys.SecretArn, null)], clients.Secrets.Reads);

        await client.PingAsync(); // later requests keep the new key
        Assert.True(stub.Requests[^1].Token.SignedWith(TestKeys.NewBytes));
    }

    [Fact]
    public async Task Error1007_CurrentKeyIsTheSame_AuthenticationErrorWithoutAnotherTry()
    {
        var stub = new StubSlurmrestd().Offering(43).On("GET /slurm/v0.0.43/jobs/", 511, SlurmResponses.ProtocolAuthenticationError);
        using var client = await new Clients().ConnectAsync(stub);

        var error = await Assert.ThrowsAsync<SlurmRestAuthenticationException>(() => client.ListJobsAsync());

        Assert.True(error.KeyProbablyChanged);
        Assert.True(error.RetriedWithCurrentKey);
        Assert.True(error.HasError(SlurmError.ProtocolAuthenticationError));
        Assert.Equal(511, error.HttpStatus);
        Assert.Contains("1007 Protocol authentication error", error.Message, StringComparison.Ordinal);
        Assert.Contains("a rotated key is not the cause", error.Message, StringComparison.Ordinal);
        Assert.Single(stub.Requests, r => r.Line == "GET /slurm/v0.0.43/jobs/");
    }

    [Fact]
    public async Task Error1007_RefusedAgainWithTheNewKey_AuthenticationErrorAfterOneMoreTryOnly()
    {
        var clients = new Clients();
        var stub = new StubSlurmrestd().Offering(43).On("GET /slurm/v0.0.43/jobs/", 511, SlurmResponses.ProtocolAuthenticationError);
        using var client = await clients.ConnectAsync(stub);
        clients.Secrets.Current = TestKeys.Base64(TestKeys.NewBytes);

        var error = await Assert.ThrowsAsync<SlurmRestAuthenticationException>(() => client.ListJobsAsync());

        Assert.True(error.KeyProbablyChanged);
        Assert.Contains("refused again", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, stub.Requests.Count(r => r.Line == "GET /slurm/v0.0.43/jobs/"));
    }

    [Fact]
    public async Task Http401_AuthenticationErrorNotAboutTheKey()
    {
        var stub = new StubSlurmrestd().Offering(43).On("GET /slurm/v0.0.43/nodes/", _ => StubSlurmrestd.Text(401, "Authentication failure"));
        using var client = await new Clients().ConnectAsync(stub);

        var error = await Assert.ThrowsAsync<SlurmRestAuthenticationException>(() => client.ListNodesAsync());

        Assert.False(error.KeyProbablyChanged);
        Assert.Equal(401, error.HttpStatus);
        Assert.Empty(error.Errors);
        Assert.Single(stub.Requests, r => r.Line == "GET /slurm/v0.0.43/nodes/");
    }

    [Fact]
    public async Task ConnectionRefused_UnreachableNamingClusterAddressPortAndLikelyCauses()
    {
        var handler = new ThrowingHandler(() => new HttpRequestException(
            HttpRequestError.ConnectionError, "Connection refused (10.0.1.23:6820)", new SocketException((int)SocketError.ConnectionRefused)));

        var error = await Assert.ThrowsAsync<SlurmRestUnreachableException>(() => new Clients().ConnectAsync(handler));

        Assert.Equal(SlurmUnreachableCause.ConnectionRefused, error.Cause);
        Assert.True(error.IsTransient);
        Assert.Null(error.HttpStatus);
        Assert.Contains("cluster demo (pcs_abc123) at 10.0.1.23:6820", error.Message, StringComparison.Ordinal);
        Assert.Contains("connection refused", error.Message, StringComparison.Ordinal);
        Assert.Contains("security group does not allow TCP 6820", error.Message, StringComparison.Ordinal);
        Assert.Contains("cluster's VPC", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public async Task RealSocket_NothingListening_ConnectionRefused()
    {
        // a loopback port just freed: the kernel refuses the connection at once
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var handler = new SocketsHttpHandler();
        var clients = new Clients();

        var error = await Assert.ThrowsAsync<SlurmRestUnreachableException>(() => SlurmRestClient.ConnectAsync(
            new SlurmRestEndpoint("pcs_abc123", "demo", "127.0.0.1", port),
            new SecretSlurmKeySource(TestKeys.Reference("v-old"), clients.Secrets), clients.Options with { MaxAttempts = 1 }, handler));

        Assert.Equal(SlurmUnreachableCause.ConnectionRefused, error.Cause);
        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoAnswerWithinTheTimeout_UnreachableTimeoutOnTheVirtualClock()
    {
        var clients = new Clients();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stub = new StubSlurmrestd().On("GET /openapi/v3", async (_, cancellationToken) =>
        {
            arrived.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken); // a security group that drops the packets
            throw new InvalidOperationException("unreachable");
        });

        var connecting = clients.ConnectAsync(stub, clients.Options with { MaxAttempts = 1, RequestTimeout = TimeSpan.FromSeconds(10) });
        await arrived.Task;
        clients.Clock.Advance(TimeSpan.FromSeconds(10));
        var error = await Assert.ThrowsAsync<SlurmRestUnreachableException>(() => connecting);

        Assert.Equal(SlurmUnreachableCause.Timeout, error.Cause);
        Assert.Contains("no response within 10 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallerCancels_OperationCanceledNotUnreachable()
    {
        var stub = new StubSlurmrestd().On("GET /openapi/v3", async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable");
        });
        using var cancellation = new CancellationTokenSource();
        var clients = new Clients();

        var connecting = SlurmRestClient.ConnectAsync(Clients.Endpoint,
            new SecretSlurmKeySource(TestKeys.Reference("v-old"), clients.Secrets), clients.Options, stub, cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connecting);
    }

    [Fact]
    public async Task SuccessWithAnotherShape_ProtocolError()
    {
        var stub = new StubSlurmrestd().Offering(43).On("GET /slurm/v0.0.43/jobs/", 200, """{"jobs": "none"}""");
        using var client = await new Clients().ConnectAsync(stub);

        var error = await Assert.ThrowsAsync<SlurmRestProtocolException>(() => client.ListJobsAsync());

        Assert.Contains("GET /slurm/v0.0.43/jobs/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenNearExpiry_RenewedBeforeTheRequest()
    {
        var clients = new Clients();
        var stub = new StubSlurmrestd().Offering(43).On("GET /slurm/v0.0.43/ping/", 200, SlurmResponses.Ping);
        using var client = await clients.ConnectAsync(stub);
        var first = stub.Requests[0].Token;

        clients.Clock.Advance(TimeSpan.FromMinutes(4)); // 1 min left: still used
        await client.PingAsync();
        clients.Clock.Advance(TimeSpan.FromSeconds(40)); // 20 s left: renewed
        await client.PingAsync();

        Assert.Equal(first.Raw, stub.Requests[1].Token.Raw);
        Assert.NotEqual(first.Raw, stub.Requests[2].Token.Raw);
        Assert.Equal(SlurmResponses.Now + 280, stub.Requests[2].Token.Claims["iat"]!.GetValue<long>());
    }

    private sealed class ThrowingHandler(Func<Exception> failure) : HttpMessageHandler
    {
        private int calls;

        public int Calls => calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls);
            return Task.FromException<HttpResponseMessage>(failure());
        }
    }
}
