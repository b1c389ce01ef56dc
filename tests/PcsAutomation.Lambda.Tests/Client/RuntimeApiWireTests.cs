using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using PcsAutomation.Lambda.Client;

namespace PcsAutomation.Lambda.Tests.Client;

/// <summary>
/// The client's HTTP/1.1 on the wire, against a scripted loopback server that answers byte for byte what each test
/// writes: framing (Content-Length, chunked, read to close), keep-alive and reconnection, refusals, cancellation.
/// </summary>
public sealed class RuntimeApiWireTests : IAsyncDisposable
{
    private const string NextHead = "Lambda-Runtime-Aws-Request-Id: req-1\r\nlambda-runtime-deadline-ms: 1767268800000\r\n";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly ScriptedServer server = new();

    [Fact]
    public async Task GetNext_ContentLengthAnswer_ReadsBodyAndHeadersWhateverTheirCase()
    {
        server.Answer(_ => Ascii($"HTTP/1.1 200 OK\r\n{NextHead}Content-Length: 7\r\n\r\n{{\"a\":1}}"));
        using var client = new RuntimeApiClient(server.Address);

        var next = await client.GetNextInvocationAsync().WaitAsync(Patience);

        Assert.Equal(("req-1", DateTimeOffset.FromUnixTimeMilliseconds(1767268800000), """{"a":1}"""),
            (next.AwsRequestId, next.Deadline, Encoding.UTF8.GetString(next.Payload.Span)));
        Assert.StartsWith("GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: " + server.Address + "\r\n", server.Requests.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetNext_HeadLongerThanTheReadBuffer_ReadsHeadAndBodyWhole()
    {
        // The read buffer starts at 4 KB and doubles: a 20 KB trace header and a 40 KB body go through it.
        var trace = "Root=1-" + new string('a', 20_000);
        var body = "{\"pad\":\"" + new string('b', 40_000) + "\"}";
        server.Answer(_ => Ascii($"HTTP/1.1 200 OK\r\n{NextHead}Lambda-Runtime-Trace-Id: {trace}\r\nContent-Length: {body.Length}\r\n\r\n{body}"));
        using var client = new RuntimeApiClient(server.Address);

        var next = await client.GetNextInvocationAsync().WaitAsync(Patience);

        Assert.Equal((trace, body), (next.TraceId, Encoding.UTF8.GetString(next.Payload.Span)));
    }

    [Fact]
    public async Task GetNext_ChunkedAnswerWrittenByteByByte_ReassemblesTheBody()
    {
        server.Answer(_ => Ascii($"HTTP/1.1 200 OK\r\n{NextHead}Transfer-Encoding: chunked\r\n\r\n3;ext=1\r\n{{\"a\r\n4\r\n\":12\r\n1\r\n}}\r\n0\r\nX-Trailer: t\r\n\r\n"), byteByByte: true);
        using var client = new RuntimeApiClient(server.Address);

        var next = await client.GetNextInvocationAsync().WaitAsync(Patience);

        Assert.Equal("""{"a":12}""", Encoding.UTF8.GetString(next.Payload.Span));
    }

    [Fact]
    public async Task Exchanges_KeepAlive_ShareOneConnection()
    {
        server.Answer(_ => Ascii($"HTTP/1.1 200 OK\r\n{NextHead}Content-Length: 2\r\n\r\n{{}}"));
        server.Answer(_ => Ascii("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n"));
        using var client = new RuntimeApiClient(server.Address);

        await client.GetNextInvocationAsync().WaitAsync(Patience);
        await client.SendResponseAsync("req-1", "{\"ok\":true}"u8.ToArray()).WaitAsync(Patience);

        Assert.Equal(1, server.Connections);
        Assert.Contains("POST /2018-06-01/runtime/invocation/req-1/response HTTP/1.1\r\n", server.Requests[1], StringComparison.Ordinal);
        Assert.Contains("Content-Length: 11\r\n", server.Requests[1], StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\n{\"ok\":true}", server.Requests[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exchange_ServerClosedTheIdleConnection_ReconnectsOnceAndSucceeds()
    {
        server.Answer(_ => Ascii($"HTTP/1.1 200 OK\r\n{NextHead}Content-Length: 2\r\n\r\n{{}}"), thenClose: true);
        server.Answer(_ => Ascii("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n"));
        using var client = new RuntimeApiClient(server.Address);
        await client.GetNextInvocationAsync().WaitAsync(Patience);
        await server.WaitClosedAsync().WaitAsync(Patience);

        await client.SendResponseAsync("req-1", "{}"u8.ToArray()).WaitAsync(Patience);

        Assert.Equal(2, server.Connections);
    }

    [Fact]
    public async Task Exchange_ConnectionClosedHalfWayThroughTheAnswer_FailsWithoutSendingTwice()
    {
        server.Answer(_ => Ascii("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{}"), thenClose: true);
        using var client = new RuntimeApiClient(server.Address);

        var e = await Assert.ThrowsAsync<IOException>(() => client.SendResponseAsync("req-1", "{}"u8.ToArray()).WaitAsync(Patience));

        Assert.Contains("closed the connection before its answer was complete", e.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task SendResponse_Refused413_FailsWithTheStatusCode()
    {
        server.Answer(_ => Ascii("HTTP/1.1 413 Request Entity Too Large\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"));
        using var client = new RuntimeApiClient(server.Address);

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => client.SendResponseAsync("req-1", "{}"u8.ToArray()).WaitAsync(Patience));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, e.StatusCode);
        Assert.Contains("413 (Request Entity Too Large) to POST invocation/req-1/response", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportInvocationError_SendsTheErrorTypeHeaderAndJsonBody()
    {
        server.Answer(_ => Ascii("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n"));
        using var client = new RuntimeApiClient(server.Address);

        await client.ReportInvocationErrorAsync("req-1", new LambdaError("boom", "InvalidWorkflowInput", [])).WaitAsync(Patience);

        var request = server.Requests.Single();
        Assert.Contains("\r\nLambda-Runtime-Function-Error-Type: InvalidWorkflowInput\r\n", request, StringComparison.Ordinal);
        Assert.Contains("\r\nContent-Type: application/json\r\n", request, StringComparison.Ordinal);
        Assert.Contains("\"errorMessage\":\"boom\"", request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetNext_NotHttp_FailsNamingWhatWasWrong()
    {
        server.Answer(_ => Ascii("SMTP ready\r\n\r\n"));
        using var client = new RuntimeApiClient(server.Address);

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetNextInvocationAsync().WaitAsync(Patience));

        Assert.Equal(HttpRequestError.InvalidResponse, e.HttpRequestError);
        Assert.Contains("status line 'SMTP ready'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetNext_CancelledWhileWaiting_ThrowsOperationCanceled()
    {
        server.Answer(_ => null); // Lambda holds /next until an event comes: this one never does
        using var client = new RuntimeApiClient(server.Address);
        using var cancel = new CancellationTokenSource();

        var next = client.GetNextInvocationAsync(cancel.Token);
        await server.WaitRequestAsync().WaitAsync(Patience);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(Patience));
    }

    [Fact]
    public async Task GetNext_HostNameForAnIpv4OnlyServer_ConnectsWhicheverAddressItResolvesToFirst()
    {
        // "localhost" may resolve to ::1 before 127.0.0.1; the scripted server listens on 127.0.0.1 only.
        server.Answer(_ => Ascii($"HTTP/1.1 200 OK\r\n{NextHead}Content-Length: 2\r\n\r\n{{}}"));
        using var client = new RuntimeApiClient("localhost:" + server.Address.Split(':')[1]);

        var next = await client.GetNextInvocationAsync().WaitAsync(Patience);

        Assert.Equal("req-1", next.AwsRequestId);
    }

    [Fact]
    public async Task GetNext_NothingListening_FailsNamingTheAddress()
    {
        var address = server.Address;
        await server.DisposeAsync();
        using var client = new RuntimeApiClient(address);

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetNextInvocationAsync().WaitAsync(Patience));

        Assert.Contains("Could not connect to the Runtime API at " + address, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:http")]
    public void New_AddressNotHostAndPort_FailsNamingIt(string address)
    {
        var e = Assert.Throws<ArgumentException>(() => new RuntimeApiClient(address));

        Assert.Contains($"'{address}' is not host:port", e.Message, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    /// <summary>Answers the requests it receives, in order, with the scripted bytes; records each request as text.</summary>
    private sealed class ScriptedServer : IAsyncDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly Queue<(Func<string, byte[]?> Answer, bool ByteByByte, bool ThenClose)> script = new();
        private readonly List<string> requests = [];
        private readonly Lock gate = new();
        private readonly CancellationTokenSource stopping = new();
        private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource requested = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Task accepting;
        private int connections;

        public ScriptedServer()
        {
            listener.Start();
            Address = "127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
            accepting = AcceptAsync();
        }

        public string Address { get; }

        public int Connections => Volatile.Read(ref connections);

        public IReadOnlyList<string> Requests
        {
            get { lock (gate) return [.. requests]; }
        }

        public void Answer(Func<string, byte[]?> answer, bool byteByByte = false, bool thenClose = false)
        {
            lock (gate) script.Enqueue((answer, byteByByte, thenClose));
        }

        public Task WaitClosedAsync() => closed.Task;

        public Task WaitRequestAsync() => requested.Task;

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var socket = await listener.AcceptSocketAsync(stopping.Token);
                    Interlocked.Increment(ref connections);
                    _ = ServeAsync(socket);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        }

        private async Task ServeAsync(Socket socket)
        {
            using (socket)
            {
                var pending = new List<byte>();
                var buffer = new byte[4096];
                try
                {
                    while (true)
                    {
                        var request = await ReadRequestAsync(socket, pending, buffer);
                        if (request is null)
                            return;
                        (Func<string, byte[]?> Answer, bool ByteByByte, bool ThenClose) step;
                        lock (gate)
                        {
                            requests.Add(request);
                            step = script.Dequeue();
                        }
                        requested.TrySetResult();
                        var answer = step.Answer(request);
                        if (answer is null)
                        {
                            await Task.Delay(Timeout.Infinite, stopping.Token);
                            return;
                        }
                        if (step.ByteByByte)
                            foreach (var b in answer)
                                await socket.SendAsync(new[] { b });
                        else
                            await socket.SendAsync(answer);
                        if (step.ThenClose)
                        {
                            socket.Shutdown(SocketShutdown.Both);
                            closed.TrySetResult();
                            return;
                        }
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                }
            }
        }

        private static async Task<string?> ReadRequestAsync(Socket socket, List<byte> pending, byte[] buffer)
        {
            while (true)
            {
                var text = Encoding.ASCII.GetString([.. pending]);
                var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (headEnd >= 0)
                {
                    var lengthLine = text[..headEnd].Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
                    var length = lengthLine is null ? 0 : int.Parse(lengthLine["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
                    if (pending.Count >= headEnd + 4 + length)
                    {
                        var request = Encoding.UTF8.GetString([.. pending.Take(headEnd + 4 + length)]);
                        pending.RemoveRange(0, headEnd + 4 + length);
                        return request;
                    }
                }
                var read = await socket.ReceiveAsync(buffer);
                if (read == 0)
                    return null;
                pending.AddRange(buffer.AsSpan(0, read).ToArray());
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (stopping.IsCancellationRequested)
                return;
            await stopping.CancelAsync();
            listener.Stop();
            await accepting;
            stopping.Dispose();
        }
    }
}
