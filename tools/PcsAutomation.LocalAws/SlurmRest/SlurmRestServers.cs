using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PcsAutomation.LocalAws.Host;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.SlurmRest;

/// <summary>
/// One HTTP listener per REST-enabled cluster (<see cref="Pcs.PcsCluster.ServesSlurmRest"/>), on 127.0.0.1 and a port of
/// its own: the cluster's <c>endpoints[]</c> entry <c>SLURMRESTD</c> then gives 127.0.0.1 and that port instead of the
/// controller's private address and 6820 (guide L6832-6843), the emulator's only departure from the endpoint. Plain
/// HTTP, as on PCS (guide L6719, L6976). Listeners start and stop with the emulator; <see cref="StopAsync"/> makes one
/// refuse connections (REST unreachable) until <see cref="StartAsync(string, CancellationToken)"/> opens it again on
/// the same port.
/// </summary>
public sealed class SlurmRestServers(AwsWorld world, SlurmRestService service) : IAsyncDisposable
{
    private readonly Dictionary<string, WebApplication> listening = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> ports = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Starts a listener for every cluster that serves the REST API now.</summary>
    public async Task StartAllAsync(CancellationToken cancellationToken = default)
    {
        List<string> clusters;
        lock (world.Gate) clusters = world.Clusters.Values.Where(c => c.ServesSlurmRest).OrderBy(c => c.Sequence).Select(c => c.Id).ToList();
        foreach (var id in clusters) await StartAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens the cluster's listener (again), on the port it had before if any; a no-op when it listens.</summary>
    public async Task StartAsync(string cluster, CancellationToken cancellationToken = default)
    {
        var target = Find(cluster);
        if (!target.ServesSlurmRest)
            throw new InvalidOperationException($"Cluster {target.Name} does not serve the Slurm REST API (slurmRest mode STANDARD and Slurm 25.05 or later, guide L6705-6707).");
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (listening.ContainsKey(target.Id)) return;
            int previous;
            lock (ports) previous = ports.GetValueOrDefault(target.Id);
            var id = target.Id;
            var app = LoopbackHost.Build(previous, context => HandleAsync(id, context));
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var listeningOn = LoopbackHost.Address(app).Port;
            lock (ports) ports[target.Id] = listeningOn;
            listening[target.Id] = app;
            lock (world.Gate) target.SlurmRestPort = listeningOn;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Closes the cluster's listener: connections are refused until it starts again (the endpoint keeps its port).</summary>
    public async Task StopAsync(string cluster)
    {
        var target = Find(cluster);
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!listening.Remove(target.Id, out var app)) return;
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/</c> of the cluster's slurmrestd, or null when it never listened.</summary>
    public Uri? Endpoint(string cluster)
    {
        var target = Find(cluster);
        lock (ports) return ports.TryGetValue(target.Id, out var port) ? new Uri($"http://127.0.0.1:{port}/") : null;
    }

    /// <summary>Answers a request in process, as the listener would (faults, authentication and all).</summary>
    public SlurmRestResponse Send(string cluster, SlurmRestRequest request) => service.Handle(cluster, request);

    public async ValueTask DisposeAsync()
    {
        foreach (var id in listening.Keys.ToList()) await StopAsync(id).ConfigureAwait(false);
        gate.Dispose();
    }

    private Pcs.PcsCluster Find(string cluster)
    {
        lock (world.Gate) return world.FindCluster(cluster) ?? throw new InvalidOperationException($"No cluster {cluster}.");
    }

    private async Task HandleAsync(string clusterId, HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var response = service.Handle(clusterId, new SlurmRestRequest(context.Request.Method, context.Request.Path.Value ?? "/", headers, body.Length == 0 ? null : body));
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        if (response.CloseConnection) context.Response.Headers.Connection = "Close";
        await context.Response.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
