using System.Net;
using Amazon.Runtime;

namespace PcsAutomation.Aws.Tests.Runtime;

public class AwsJsonClientRetryTests
{
    private static readonly TimeSpan Timeout = TestClients.RequestTimeout;

    [Fact]
    public async Task InvokeAsync_ThrottledThenOk_RetriesAfterJitteredBaseDelay()
    {
        using var clients = new TestClients();
        clients.Handler.RespondError(HttpStatusCode.BadRequest, "ThrottlingException").RespondOk("""{"status":"ACTIVE"}""");

        var call = clients.GetClusterAsync();
        var delay = await clients.Clock.AdvanceNextTimerAsync(Timeout, call);
        var response = await call;

        Assert.Equal("ACTIVE", response.Status);
        Assert.Equal(TimeSpan.FromSeconds(0.5), delay); // random 0.5 * min(1 s * 2^0, 20 s)
        Assert.Equal(2, clients.Handler.Requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(0.5), clients.Handler.Requests[1].Time - clients.Handler.Requests[0].Time);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task InvokeAsync_TransientStatusThenOk_Retries(HttpStatusCode status)
    {
        using var clients = new TestClients();
        clients.Handler.Respond(status, "").RespondOk();

        var call = clients.GetClusterAsync();
        await clients.Clock.AdvanceNextTimerAsync(Timeout, call);
        await call;

        Assert.Equal(2, clients.Handler.Requests.Count);
    }

    [Theory]
    [InlineData("RequestTimeoutException")]
    [InlineData("TooManyRequestsException")]
    [InlineData("ProvisionedThroughputExceededException")]
    public async Task InvokeAsync_RetryableCodeOn400_Retries(string code)
    {
        using var clients = new TestClients();
        clients.Handler.RespondError(HttpStatusCode.BadRequest, code).RespondOk();

        var call = clients.GetClusterAsync();
        await clients.Clock.AdvanceNextTimerAsync(Timeout, call);
        await call;

        Assert.Equal(2, clients.Handler.Requests.Count);
    }

    [Fact]
    public async Task InvokeAsync_NetworkErrors_RetryWithGrowingBackoff()
    {
        using var clients = new TestClients();
        clients.Handler.Fail(new HttpRequestException("connection refused")).Fail(new IOException("reset")).RespondOk();

        var call = clients.GetClusterAsync();
        var first = await clients.Clock.AdvanceNextTimerAsync(Timeout, call);
        var second = await clients.Clock.AdvanceNextTimerAsync(Timeout, call);
        await call;

        Assert.Equal([TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1)], new[] { first, second });
        Assert.Equal(3, clients.Handler.Requests.Count);
    }

    [Fact]
    public async Task InvokeAsync_AlwaysThrottled_StopsAtMaxAttemptsWithTypedException()
    {
        using var clients = new TestClients(o => o with { MaxAttempts = 4 });
        for (var i = 0; i < 5; i++)
            clients.Handler.RespondError(HttpStatusCode.BadRequest, "ThrottlingException", "slow down");

        var call = clients.GetClusterAsync();
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
            delays.Add(await clients.Clock.AdvanceNextTimerAsync(Timeout, call));
        var error = await Assert.ThrowsAsync<TestThrottlingException>(() => call);

        Assert.Equal([0.5, 1, 2], delays.Select(d => d.TotalSeconds));
        Assert.Equal(4, clients.Handler.Requests.Count);
        Assert.Equal("slow down", error.Message);
    }

    [Fact]
    public async Task InvokeAsync_NetworkErrorOnLastAttempt_RethrowsIt()
    {
        using var clients = new TestClients(o => o with { MaxAttempts = 1 });
        clients.Handler.Fail(new HttpRequestException("connection refused"));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => clients.GetClusterAsync());

        Assert.Equal("connection refused", error.Message);
    }

    [Theory]
    [InlineData("ValidationException")]
    [InlineData("AccessDeniedException")]
    [InlineData("ResourceNotFoundException")]
    [InlineData("ConflictException")]
    public async Task InvokeAsync_ClientError_IsNotRetried(string code)
    {
        using var clients = new TestClients();
        clients.Handler.RespondError(HttpStatusCode.BadRequest, code).RespondOk();

        await Assert.ThrowsAnyAsync<AmazonServiceException>(() => clients.GetClusterAsync());

        Assert.Single(clients.Handler.Requests);
    }

    [Fact]
    public async Task InvokeAsync_EachAttempt_IsSignedAgainWithTheNewDate()
    {
        using var clients = new TestClients(o => o with { Random = () => 0.9 });
        clients.Handler.RespondError(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable").RespondOk();

        var call = clients.GetClusterAsync();
        await clients.Clock.AdvanceNextTimerAsync(Timeout, call);
        await call;

        var (first, second) = (clients.Handler.Requests[0], clients.Handler.Requests[1]);
        Assert.Equal("20261125T120000Z", first.Headers["X-Amz-Date"]);
        Assert.Equal("20261125T120001Z", second.Headers["X-Amz-Date"]);
        Assert.NotEqual(first.Headers["Authorization"], second.Headers["Authorization"]);
    }

    [Fact]
    public async Task InvokeAsync_NoAnswerWithinRequestTimeout_RetriesThenThrowsTimeout()
    {
        using var clients = new TestClients(o => o with { MaxAttempts = 2 });
        clients.Handler.Hang().Hang();

        var call = clients.GetClusterAsync();
        Assert.Equal(Timeout, await clients.Clock.NextTimerAsync(call)); // attempt 1's timeout, armed
        await clients.Handler.NextRequestAsync(call);
        clients.Clock.Advance(Timeout);
        var backoff = await clients.Clock.AdvanceNextTimerAsync(Timeout, call); // fails at once if the back-off did not fire
        Assert.Equal(Timeout, await clients.Clock.NextTimerAsync(call)); // attempt 2's timeout
        await clients.Handler.NextRequestAsync(call);
        clients.Clock.Advance(Timeout);
        var error = await Assert.ThrowsAsync<TimeoutException>(() => call);

        Assert.Equal(TimeSpan.FromSeconds(0.5), backoff);
        Assert.Equal(2, clients.Handler.Requests.Count);
        Assert.Contains("AWSParallelComputingService.GetCluster", error.Message, StringComparison.Ordinal);
        Assert.Contains("attempt 2 of 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_CancelledWhileWaitingForResponse_ThrowsCancelledWithoutRetry()
    {
        using var clients = new TestClients();
        clients.Handler.Hang().RespondOk();
        using var cancellation = new CancellationTokenSource();

        var call = clients.GetClusterAsync(cancellationToken: cancellation.Token);
        await clients.Handler.NextRequestAsync(call); // the attempt is in flight
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(clients.Handler.Requests);
    }

    [Fact]
    public async Task InvokeAsync_CancelledDuringBackoff_ThrowsCancelled()
    {
        using var clients = new TestClients();
        clients.Handler.RespondError(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable").RespondOk();
        using var cancellation = new CancellationTokenSource();

        var call = clients.GetClusterAsync(cancellationToken: cancellation.Token);
        await clients.Clock.NextTimerAsync(call); // attempt 1 timeout
        await clients.Clock.NextTimerAsync(call); // backoff
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(clients.Handler.Requests);
    }
}
