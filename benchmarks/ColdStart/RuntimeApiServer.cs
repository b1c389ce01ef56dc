using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PcsAutomation.Benchmarks.ColdStart;

/// <summary>
/// A minimal Lambda Runtime API on 127.0.0.1 for one cold start: it hands out <c>invocations</c> events on
/// <c>GET /next</c>, time-stamps every exchange, and on the following <c>/next</c> (the process idle, as Lambda
/// would freeze it) reports <see cref="Finished"/> and holds that request until the server stops.
/// </summary>
/// <remarks>
/// One dedicated thread with blocking sockets, time-stamping a request when its last byte arrives. A Kestrel server
/// here added about 10 ms to every start → first <c>/next</c> on a 2-core machine (accept loop, thread pool hops and
/// routing before the handler read the clock), more than the init phase it measures; a process-start harness in Python
/// and this one agree within a millisecond.
/// </remarks>
public sealed class RuntimeApiServer : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime";
    private const string FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:pcs-automation-DiagnosticsFunction";

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly TimeProvider time;
    private readonly int invocations;
    private readonly bool errorsAnswer;
    private readonly TaskCompletionSource<string?> finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, long> sentAt = new(StringComparer.Ordinal);
    private readonly List<long> latencies = [];
    private readonly Lock gate = new();
    private readonly Thread thread;
    private readonly ManualResetEventSlim stopped = new();
    private volatile bool stopping;
    private Socket? current;
    private long firstNextAt;
    private int served;

    private RuntimeApiServer(TimeProvider time, int invocations, bool errorsAnswer)
    {
        this.time = time;
        this.invocations = invocations;
        this.errorsAnswer = errorsAnswer;
        listener.Start();
        Address = "127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
        thread = new Thread(Serve) { IsBackground = true, Name = "runtime-api" };
        thread.Start();
    }

    /// <summary><c>host:port</c>, the value of <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address { get; }

    /// <summary>Completes with <see langword="null"/> once every invocation was answered, or with the error the process reported.</summary>
    public Task<string?> Finished => finished.Task;

    /// <summary>Timestamp (<see cref="TimeProvider.GetTimestamp"/>) of the first <c>GET /next</c>.</summary>
    public long FirstNextAt => Interlocked.Read(ref firstNextAt);

    /// <summary>Timestamp ticks from each event being sent to its response arriving, in invocation order.</summary>
    public IReadOnlyList<long> Latencies
    {
        get { lock (gate) return [.. latencies]; }
    }

    /// <summary>
    /// Starts a server on a free loopback port that will serve <paramref name="invocations"/> events; with
    /// <paramref name="errorsAnswer"/>, an invocation error is the expected answer and is timed like a response.
    /// </summary>
    public static Task<RuntimeApiServer> StartAsync(int invocations, TimeProvider time, bool errorsAnswer = false) =>
        Task.FromResult(new RuntimeApiServer(time, invocations, errorsAnswer));

    private void Serve()
    {
        try
        {
            while (!stopping)
            {
                using var socket = listener.AcceptSocket();
                socket.NoDelay = true;
                lock (gate) current = socket;
                var connection = new Connection(socket);
                while (connection.ReadRequest(time) is { } request)
                {
                    if (!Answer(connection, request))
                    {
                        stopped.Wait(); // the connection stays open, the process idle in /next, until the run is read
                        return;
                    }
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
        {
            if (!stopping)
                finished.TrySetResult("the Runtime API connection failed: " + e.Message);
        }
    }

    /// <summary>Answers one request; false once the process is idle in <c>/next</c> and the run is over.</summary>
    private bool Answer(Connection connection, Request request)
    {
        if (request.Method == "GET" && request.Path == Prefix + "/invocation/next")
            return Next(connection, request.ArrivedAt);

        var parts = request.Path[Prefix.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (request.Method, parts)
        {
            case ("POST", ["invocation", var id, "response"]):
                Respond(connection, id, request.ArrivedAt);
                return true;
            case ("POST", ["invocation", var id, "error"]) when errorsAnswer:
                Respond(connection, id, request.ArrivedAt);
                return true;
            case ("POST", ["invocation", _, "error"]):
                Fail(connection, request, "invocation error");
                return true;
            case ("POST", ["init", "error"]):
                Fail(connection, request, "init error");
                return true;
            default:
                connection.Write(404, "Not Found", [], "");
                finished.TrySetResult($"unexpected request {request.Method} {request.Path}");
                return true;
        }
    }

    private bool Next(Connection connection, long arrivedAt)
    {
        Interlocked.CompareExchange(ref firstNextAt, arrivedAt, 0);
        if (Interlocked.Increment(ref served) > invocations)
        {
            // Lambda keeps the next request pending while the environment is frozen: so do we, until shutdown.
            finished.TrySetResult(null);
            return false;
        }

        var requestId = Guid.NewGuid().ToString();
        var headers = new Dictionary<string, string>
        {
            ["Lambda-Runtime-Aws-Request-Id"] = requestId,
            ["Lambda-Runtime-Deadline-Ms"] = (time.GetUtcNow().ToUnixTimeMilliseconds() + 30_000).ToString(CultureInfo.InvariantCulture),
            ["Lambda-Runtime-Invoked-Function-Arn"] = FunctionArn,
            ["Lambda-Runtime-Trace-Id"] = $"Root=1-{time.GetUtcNow().ToUnixTimeSeconds():x8}-{Guid.NewGuid().ToString("N")[..24]};Parent=53995c3f42cd8ad8;Sampled=0",
            ["Content-Type"] = "application/json",
        };
        lock (gate) sentAt[requestId] = time.GetTimestamp();
        connection.Write(200, "OK", headers, "{}");
        return true;
    }

    private void Respond(Connection connection, string id, long arrivedAt)
    {
        bool known;
        lock (gate)
        {
            known = sentAt.Remove(id, out var sent);
            if (known)
                latencies.Add(arrivedAt - sent);
        }
        if (!known)
        {
            finished.TrySetResult($"response for unknown request id {id}");
            connection.Write(400, "Bad Request", [], "");
            return;
        }
        connection.Write(202, "Accepted", [], "");
    }

    private void Fail(Connection connection, Request request, string kind)
    {
        var type = request.Headers.GetValueOrDefault("Lambda-Runtime-Function-Error-Type") ?? "";
        finished.TrySetResult($"{kind} {type}: {request.Body}");
        connection.Write(202, "Accepted", [], "");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        stopping = true;
        stopped.Set();
        listener.Stop();
        lock (gate) current?.Dispose();
        await Task.Run(thread.Join);
        stopped.Dispose();
    }

    private sealed record Request(string Method, string Path, Dictionary<string, string> Headers, string Body, long ArrivedAt);

    /// <summary>HTTP/1.1 with Content-Length bodies, which is what the bootstrap's Runtime API client sends.</summary>
    private sealed class Connection(Socket socket)
    {
        private readonly List<byte> pending = [];
        private readonly byte[] buffer = new byte[64 * 1024];

        public Request? ReadRequest(TimeProvider time)
        {
            while (true)
            {
                var text = Encoding.ASCII.GetString([.. pending]);
                var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (headEnd >= 0)
                {
                    var lines = text[..headEnd].Split("\r\n");
                    var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
                    if (headers.ContainsKey("Transfer-Encoding"))
                        throw new IOException("a chunked request: this server reads Content-Length bodies only");
                    var length = headers.TryGetValue("Content-Length", out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : 0;
                    if (pending.Count >= headEnd + 4 + length)
                    {
                        var arrivedAt = time.GetTimestamp();
                        var body = Encoding.UTF8.GetString([.. pending.Skip(headEnd + 4).Take(length)]);
                        pending.RemoveRange(0, headEnd + 4 + length);
                        var requestLine = lines[0].Split(' ');
                        return new Request(requestLine[0], requestLine[1], headers, body, arrivedAt);
                    }
                }
                var read = socket.Receive(buffer);
                if (read == 0)
                    return null;
                pending.AddRange(buffer.AsSpan(0, read));
            }
        }

        public void Write(int status, string reason, Dictionary<string, string> headers, string body)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reason}\r\n");
            foreach (var (name, value) in headers)
                head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {bytes.Length}\r\n\r\n");
            socket.Send([.. Encoding.ASCII.GetBytes(head.ToString()), .. bytes]);
        }
    }
}
