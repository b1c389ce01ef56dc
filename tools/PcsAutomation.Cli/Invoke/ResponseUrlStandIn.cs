using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace PcsAutomation.Cli.Invoke;

/// <summary>
/// The custom resource request's <c>ResponseURL</c> in the emulator: CloudFormation's pre-signed S3 URL is not reachable
/// from it, so <c>invoke --emulator</c> points the request at this loopback listener, which answers every PUT 200 (S3's
/// answer to a good upload) and keeps the body: the response CloudFormation would have read.
/// </summary>
public sealed class ResponseUrlStandIn : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task serving;
    private string? received;

    private ResponseUrlStandIn(Uri url)
    {
        Url = url;
        listener.Prefixes.Add(url.ToString());
        listener.Start();
        serving = ServeAsync();
    }

    public Uri Url { get; }

    /// <summary>The last body PUT to <see cref="Url"/>, or null.</summary>
    public string? Received => Volatile.Read(ref received);

    public static ResponseUrlStandIn Start()
    {
        // A free loopback port, then the listener on it.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new ResponseUrlStandIn(new Uri($"http://127.0.0.1:{port}/cloudformation-response/"));
    }

    /// <summary>A copy of <paramref name="request"/> whose ResponseURL is this listener; null when the event has no ResponseURL.</summary>
    public JsonNode? Redirect(JsonNode request) =>
        request is JsonObject o && o.ContainsKey("ResponseURL") ? Rewritten(o) : null;

    private JsonObject Rewritten(JsonObject request)
    {
        var copy = (JsonObject)request.DeepClone();
        copy["ResponseURL"] = Url + "response";
        return copy;
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
                Volatile.Write(ref received, await reader.ReadToEndAsync().ConfigureAwait(false));
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await serving.ConfigureAwait(false);
    }
}
