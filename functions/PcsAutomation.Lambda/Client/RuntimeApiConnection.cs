using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PcsAutomation.Lambda.Client;

/// <summary>What the Runtime API answered: status, headers (names case-insensitive) and body.</summary>
internal sealed record RuntimeApiResponse(int StatusCode, string ReasonPhrase, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The value of <paramref name="name"/>, or <see langword="null"/>.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// One keep-alive HTTP/1.1 connection to the Runtime API, one exchange at a time, which is all a Lambda runtime does
/// (the Runtime API is plain HTTP on the address in <c>AWS_LAMBDA_RUNTIME_API</c>,
/// https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html).
/// Why not <see cref="HttpClient"/>: its first request adds type loading, the connection pool and the socket engine
/// thread to Native AOT start-up before the first <c>/next</c> leaves: 7 ms on one 2-core host, 1 ms on another
/// (docs/benchmarks.md, "Where the init time goes"), all of it in the init phase Lambda bills. The request goes out
/// synchronously, so the first <c>/next</c> reaches Lambda before any thread pool exists; only the wait for the answer
/// is asynchronous.
/// </summary>
internal sealed class RuntimeApiConnection : IDisposable
{
    private const int MaxHeaderBytes = 64 * 1024;

    private readonly string host;
    private readonly int port;
    private readonly Lock gate = new();
    private Socket? socket;
    // Holds a head and chunk lines (it doubles when one is longer; bodies are read into their own arrays): every page of
    // it is written at init (a fresh allocation is zeroed), so it starts at 4 KB, not 16.
    private byte[] buffer = new byte[4 * 1024];
    private int start;
    private int end;
    private bool answerStarted;

    /// <param name="authority">The <c>host:port</c> of the Runtime API.</param>
    public RuntimeApiConnection(string authority)
    {
        var colon = authority.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(authority.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is 0 or > 65535)
            throw new ArgumentException($"The Runtime API address '{authority}' is not host:port.", nameof(authority));
        host = authority[..colon].Trim('[', ']');
        Authority = authority;
    }

    /// <summary>The <c>host:port</c> this connection talks to (the <c>Host</c> header).</summary>
    public string Authority { get; }

    /// <summary>
    /// Sends one request and reads its answer. A connection the server closed while idle is opened again once,
    /// before anything of the answer was read (nothing was processed then), as HTTP clients do.
    /// </summary>
    public async Task<RuntimeApiResponse> SendAsync(string method, string path, ReadOnlyMemory<byte> body, string? errorType, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var request = Encode(method, path, body, errorType);
        var reused = socket is not null;
        try
        {
            return await ExchangeAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException) when (reused && !answerStarted && !cancellationToken.IsCancellationRequested)
        {
            Close();
            return await ExchangeAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => Close();

    private async Task<RuntimeApiResponse> ExchangeAsync(byte[] request, CancellationToken cancellationToken)
    {
        var connection = Connect();
        answerStarted = false;
        using var cancel = cancellationToken.Register(static s => ((Socket)s!).Dispose(), connection);
        try
        {
            // Blocking send: a request of a few hundred bytes fits the loopback socket buffer, and a response body
            // (at most Lambda's 6 MB) is written out by the kernel as the server reads it.
            connection.Send(request);
            var response = await ReadResponseAsync(connection, cancellationToken).ConfigureAwait(false);
            if (string.Equals(response.Header("Connection"), "close", StringComparison.OrdinalIgnoreCase))
                Close();
            return response;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            Close();
            cancellationToken.ThrowIfCancellationRequested();
            throw new IOException($"The connection to the Runtime API at {Authority} failed: {e.Message}", e);
        }
        catch
        {
            Close();
            throw;
        }
    }

    private Socket Connect()
    {
        lock (gate)
        {
            if (socket is not null)
                return socket;
            // Lambda gives an IP literal (127.0.0.1:9001); a name (tests, emulators) may resolve to ::1 and 127.0.0.1,
            // of which the server may listen on one: try each, as HTTP clients do.
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : Dns.GetHostAddresses(host);
            Socket? connection = null;
            SocketException? failure = null;
            foreach (var address in addresses)
            {
                var attempt = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    attempt.Connect(address, port);
                    connection = attempt;
                    break;
                }
                catch (SocketException e)
                {
                    attempt.Dispose();
                    failure = e;
                }
            }
            if (connection is null)
                throw new HttpRequestException(HttpRequestError.ConnectionError,
                    $"Could not connect to the Runtime API at {Authority}: {failure?.Message ?? "the name resolves to no address"}", failure);
            start = end = 0;
            return socket = connection;
        }
    }

    private void Close()
    {
        lock (gate)
        {
            socket?.Dispose();
            socket = null;
            start = end = 0;
        }
    }

    private byte[] Encode(string method, string path, ReadOnlyMemory<byte> body, string? errorType)
    {
        var head = new StringBuilder(256)
            .Append(method).Append(' ').Append(path).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(Authority).Append("\r\n");
        if (method != "GET")
            head.Append("Content-Type: application/json\r\nContent-Length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        if (errorType is not null)
            head.Append("Lambda-Runtime-Function-Error-Type: ").Append(errorType.ReplaceLineEndings(" ")).Append("\r\n");
        head.Append("\r\n");
        var headBytes = Encoding.ASCII.GetBytes(head.ToString());
        var request = new byte[headBytes.Length + body.Length];
        headBytes.CopyTo(request, 0);
        body.Span.CopyTo(request.AsSpan(headBytes.Length));
        return request;
    }

    private async Task<RuntimeApiResponse> ReadResponseAsync(Socket connection, CancellationToken cancellationToken)
    {
        while (true)
        {
            var headerEnd = await FillUntilAsync(connection, "\r\n\r\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
            var (status, reason, headers) = ParseHead(Encoding.ASCII.GetString(buffer, start, headerEnd - start));
            start = headerEnd + 4;
            if (status is >= 100 and < 200)
                continue; // 100 Continue and the like come before the real answer
            byte[] body;
            if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
                body = await ReadChunkedAsync(connection, cancellationToken).ConfigureAwait(false);
            else if (headers.TryGetValue("Content-Length", out var lengthText))
                body = await ReadExactlyAsync(connection, ParseLength(lengthText), cancellationToken).ConfigureAwait(false);
            else
            {
                body = await ReadToCloseAsync(connection, cancellationToken).ConfigureAwait(false);
                headers["Connection"] = "close";
            }
            return new RuntimeApiResponse(status, reason, headers, body);
        }
    }

    private static (int Status, string Reason, Dictionary<string, string> Headers) ParseHead(string head)
    {
        var lines = head.Split("\r\n");
        var statusLine = lines[0].Split(' ', 3);
        if (statusLine.Length < 2 || !statusLine[0].StartsWith("HTTP/1.", StringComparison.Ordinal)
            || !int.TryParse(statusLine[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
            throw Invalid($"status line '{lines[0]}'");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
                throw Invalid($"header line '{line}'");
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
        }
        return (status, statusLine.Length > 2 ? statusLine[2] : "", headers);
    }

    private async Task<byte[]> ReadChunkedAsync(Socket connection, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var lineEnd = await FillUntilAsync(connection, "\r\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
            var sizeText = Encoding.ASCII.GetString(buffer, start, lineEnd - start).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
                throw Invalid($"chunk size '{sizeText}'");
            start = lineEnd + 2;
            if (size == 0)
            {
                // Trailers, if any, end with an empty line like the head does.
                while (true)
                {
                    var trailerEnd = await FillUntilAsync(connection, "\r\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
                    var empty = trailerEnd == start;
                    start = trailerEnd + 2;
                    if (empty)
                        return body.ToArray();
                }
            }
            body.Write(await ReadExactlyAsync(connection, size, cancellationToken).ConfigureAwait(false));
            await FillAsync(connection, 2, cancellationToken).ConfigureAwait(false);
            if (buffer[start] != '\r' || buffer[start + 1] != '\n')
                throw Invalid("chunk without its line end");
            start += 2;
        }
    }

    private async Task<byte[]> ReadExactlyAsync(Socket connection, int length, CancellationToken cancellationToken)
    {
        var body = new byte[length];
        var copied = Math.Min(length, end - start);
        buffer.AsSpan(start, copied).CopyTo(body);
        start += copied;
        while (copied < length)
        {
            var read = await connection.ReceiveAsync(body.AsMemory(copied), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0)
                throw Closed();
            copied += read;
        }
        return body;
    }

    private async Task<byte[]> ReadToCloseAsync(Socket connection, CancellationToken cancellationToken)
    {
        while (await ReceiveMoreAsync(connection, cancellationToken).ConfigureAwait(false) > 0)
        {
        }
        var body = buffer.AsSpan(start, end - start).ToArray();
        start = end;
        return body;
    }

    /// <summary>Reads until <paramref name="delimiter"/> is buffered; returns its index in <see cref="buffer"/>.</summary>
    private async Task<int> FillUntilAsync(Socket connection, byte[] delimiter, CancellationToken cancellationToken)
    {
        var searched = start;
        while (true)
        {
            var found = buffer.AsSpan(searched, end - searched).IndexOf(delimiter);
            if (found >= 0)
                return searched + found;
            searched = Math.Max(start, end - delimiter.Length + 1);
            if (end - start > MaxHeaderBytes)
                throw Invalid($"head or chunk line longer than {MaxHeaderBytes} bytes");
            var before = start;
            if (await ReceiveMoreAsync(connection, cancellationToken).ConfigureAwait(false) == 0)
                throw Closed();
            searched -= before - start; // the buffered bytes may have moved to the front
        }
    }

    private async Task FillAsync(Socket connection, int count, CancellationToken cancellationToken)
    {
        while (end - start < count)
        {
            if (await ReceiveMoreAsync(connection, cancellationToken).ConfigureAwait(false) == 0)
                throw Closed();
        }
    }

    private async Task<int> ReceiveMoreAsync(Socket connection, CancellationToken cancellationToken)
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }
        if (end == buffer.Length)
            Array.Resize(ref buffer, buffer.Length * 2);
        var read = await connection.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        end += read;
        answerStarted |= read > 0;
        return read;
    }

    private IOException Closed() => new($"The Runtime API at {Authority} closed the connection before its answer was complete.");

    private static HttpRequestException Invalid(string what) =>
        new(HttpRequestError.InvalidResponse, $"The Runtime API sent an invalid HTTP answer: {what}.");

    private static int ParseLength(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : throw Invalid($"Content-Length '{text}'");
}
