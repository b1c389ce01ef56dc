using System.Text.Json;
using PcsAutomation.Slurm.Api;
using PcsAutomation.Slurm.Auth;
using PcsAutomation.Slurm.Connection;
using PcsAutomation.Slurm.Errors;
using PcsAutomation.Slurm.Model;
using PcsAutomation.Slurm.Wire;

namespace PcsAutomation.Slurm.Client;

/// <summary>
/// A cluster's Slurm REST API at the version <see cref="ConnectAsync"/> chose from what the server offers: ping, jobs,
/// nodes, drain and resume, and maintenance reservations when <see cref="Capabilities"/> has them. Errors are named
/// (<see cref="SlurmRestException"/> and its kinds); no token or key ever reaches a message.
/// </summary>
public sealed class SlurmRestClient : IDisposable
{
    private readonly HttpClient http;
    private readonly SlurmRestTransport transport;
    private readonly SlurmApiPaths paths;
    private readonly string user;

    private SlurmRestClient(HttpClient http, SlurmRestTransport transport, SlurmApiChoice choice, string user)
    {
        this.http = http;
        this.transport = transport;
        this.user = user;
        Version = choice.Version!.Value;
        Capabilities = choice.Capabilities!;
        OfferedVersions = choice.Offered;
        paths = new SlurmApiPaths(Version);
    }

    public SlurmRestEndpoint Endpoint => transport.Endpoint;

    /// <summary>The version spoken, the newest the server offers that the client knows (v0.0.43 or newer).</summary>
    public SlurmApiVersion Version { get; }

    /// <summary>Every version the server's OpenAPI document lists, oldest first.</summary>
    public IReadOnlyList<SlurmApiVersion> OfferedVersions { get; }

    /// <summary>Whether that version offers reservations (when not, a workflow drains instead).</summary>
    public SlurmRestCapabilities Capabilities { get; }

    /// <summary>
    /// Reads the server's OpenAPI document (GET /openapi/v3) and chooses the version. The key is read from
    /// <paramref name="keys"/> before the first request. <paramref name="handler"/> is not disposed with the client: share
    /// one per process (<see cref="CreateHandler"/>).
    /// </summary>
    /// <exception cref="SlurmRestVersionException">The server offers no version this client speaks.</exception>
    /// <exception cref="SlurmRestUnreachableException">No answer from the endpoint.</exception>
    public static async Task<SlurmRestClient> ConnectAsync(
        SlurmRestEndpoint endpoint, ISlurmKeySource keys, SlurmRestOptions options, HttpMessageHandler handler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        options.Validate();

        var http = new HttpClient(handler, disposeHandler: false)
        {
            Timeout = Timeout.InfiniteTimeSpan, // each attempt has its own timeout on the TimeProvider
            MaxResponseContentBufferSize = options.MaxResponseBytes,
        };
        try
        {
            var transport = new SlurmRestTransport(endpoint, http, keys, new SlurmJwtMinter(options.TimeProvider, options.Identity, options.TokenLifetime), options);
            var document = await transport.SendAsync(HttpMethod.Get, SlurmApiPaths.OpenApiDocument, null, cancellationToken).ConfigureAwait(false);
            SlurmApiChoice choice;
            try
            {
                choice = SlurmApiDiscovery.Choose(document);
            }
            catch (JsonException e)
            {
                throw new SlurmRestProtocolException(
                    $"GET {SlurmApiPaths.OpenApiDocument} on {endpoint} answered with a body that is not an OpenAPI JSON document ({e.Message}).",
                    endpoint, $"GET {SlurmApiPaths.OpenApiDocument}", 200, e);
            }
            if (choice.Version is null)
                throw new SlurmRestVersionException(
                    $"The Slurm REST API of {endpoint} cannot be used: {choice.Refusal}.",
                    endpoint, $"GET {SlurmApiPaths.OpenApiDocument}", [.. choice.Offered.Select(v => v.ToString())]);
            return new SlurmRestClient(http, transport, choice, options.Identity.UserName);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>A transport for every client of the process: connections pooled, renewed every few minutes (a controller's address may change).</summary>
    public static HttpMessageHandler CreateHandler() => new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>Every controller's answer to GET /slurm/v0.0.NN/ping/.</summary>
    public async Task<IReadOnlyList<SlurmPing>> PingAsync(CancellationToken cancellationToken = default)
    {
        var response = await transport.SendAsync(HttpMethod.Get, paths.Ping, null, SlurmWireJsonContext.Default.WirePingResponse, cancellationToken).ConfigureAwait(false);
        return [.. (response.Pings ?? []).Select(WireMapping.ToPing)];
    }

    /// <summary>
    /// The jobs that hold or wait for nodes (running, pending, suspended, completing; <see cref="SlurmJob.IsActive"/>) from
    /// GET /slurm/v0.0.NN/jobs/, which also lists recently finished ones.
    /// </summary>
    public async Task<IReadOnlyList<SlurmJob>> ListJobsAsync(CancellationToken cancellationToken = default)
    {
        var response = await transport.SendAsync(HttpMethod.Get, paths.Jobs, null, SlurmWireJsonContext.Default.WireJobsResponse, cancellationToken).ConfigureAwait(false);
        return [.. (response.Jobs ?? []).Select(WireMapping.ToJob).Where(j => j.IsActive)];
    }

    /// <summary>Every node (GET /slurm/v0.0.NN/nodes/).</summary>
    public async Task<IReadOnlyList<SlurmNode>> ListNodesAsync(CancellationToken cancellationToken = default)
    {
        var response = await transport.SendAsync(HttpMethod.Get, paths.Nodes, null, SlurmWireJsonContext.Default.WireNodesResponse, cancellationToken).ConfigureAwait(false);
        return [.. (response.Nodes ?? []).Select(WireMapping.ToNode)];
    }

    /// <summary>
    /// Drains the nodes in one batch update (POST /slurm/v0.0.NN/nodes/, <c>state: ["DRAIN"]</c>): running jobs finish, no new
    /// one starts. <paramref name="reason"/> names the workflow and execution (<see cref="SlurmDrainReason.For"/>). No node: no call.
    /// </summary>
    public Task DrainNodesAsync(IReadOnlyCollection<string> nodeNames, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return UpdateNodesAsync(nodeNames, SlurmStates.Drain, reason, cancellationToken);
    }

    /// <summary>Returns drained nodes to service (<c>state: ["RESUME"]</c>, which also clears the reason). No node: no call.</summary>
    public Task ResumeNodesAsync(IReadOnlyCollection<string> nodeNames, CancellationToken cancellationToken = default) =>
        UpdateNodesAsync(nodeNames, SlurmStates.Resume, null, cancellationToken);

    /// <summary>Every reservation (GET /slurm/v0.0.NN/reservations/).</summary>
    /// <exception cref="SlurmRestNotSupportedException">The served version has no reservations.</exception>
    public async Task<IReadOnlyList<SlurmReservation>> ListReservationsAsync(CancellationToken cancellationToken = default)
    {
        RequireReservations($"GET {paths.Reservations}");
        var response = await transport.SendAsync(HttpMethod.Get, paths.Reservations, null, SlurmWireJsonContext.Default.WireReservationsResponse, cancellationToken).ConfigureAwait(false);
        return [.. (response.Reservations ?? []).Select(WireMapping.ToReservation)];
    }

    /// <summary>
    /// Creates the maintenance reservation, held by the token's user with flags MAINT and IGNORE_JOBS (POST
    /// /slurm/v0.0.NN/reservation). slurmrestd updates a reservation of the same name instead of failing (SchedMD/slurm
    /// src/slurmrestd/plugins/openapi/slurmctld/reservations.c <c>_create_or_update_each_resv</c>), so a retried step is a no-op.
    /// </summary>
    /// <exception cref="SlurmRestNotSupportedException">The served version has no reservations.</exception>
    public async Task CreateMaintenanceReservationAsync(SlurmMaintenanceReservation reservation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        RequireReservations($"POST {paths.Reservation}");
        var body = JsonSerializer.SerializeToUtf8Bytes(WireMapping.ToDescription(reservation, user), SlurmWireJsonContext.Default.WireReservationDescription);
        await transport.SendAsync(HttpMethod.Post, paths.Reservation, body, SlurmWireJsonContext.Default.WireReservationModResponse, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the reservation (DELETE /slurm/v0.0.NN/reservation/{name}); false when there was none by that name (slurmctld
    /// answers ESLURM_RESERVATION_INVALID, src/slurmctld/reservation.c <c>delete_resv</c>), so a retried step is a no-op.
    /// </summary>
    /// <exception cref="SlurmRestNotSupportedException">The served version has no reservations.</exception>
    public async Task<bool> DeleteReservationAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var path = paths.NamedReservation(name);
        RequireReservations($"DELETE {path}");
        try
        {
            await transport.SendAsync(HttpMethod.Delete, path, null, SlurmWireJsonContext.Default.WireResponse, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SlurmRestException e) when (e.GetType() == typeof(SlurmRestException) && e.HasError(SlurmError.ReservationInvalid))
        {
            return false;
        }
    }

    public void Dispose() => http.Dispose();

    public override string ToString() => $"SlurmRestClient({Endpoint}, {Version}, reservations {(Capabilities.Reservations ? "yes" : "no")})";

    private async Task UpdateNodesAsync(IReadOnlyCollection<string> nodeNames, string state, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nodeNames);
        var bad = nodeNames.FirstOrDefault(n => string.IsNullOrWhiteSpace(n) || n.Any(c => char.IsWhiteSpace(c) || c == ','));
        if (bad is not null)
            throw new ArgumentException($"'{bad}' is not a node name (no spaces or commas).", nameof(nodeNames));
        if (nodeNames.Count == 0)
            return;
        var update = new WireUpdateNode { Name = [.. nodeNames], State = [state], Reason = reason };
        var body = JsonSerializer.SerializeToUtf8Bytes(update, SlurmWireJsonContext.Default.WireUpdateNode);
        await transport.SendAsync(HttpMethod.Post, paths.Nodes, body, SlurmWireJsonContext.Default.WireResponse, cancellationToken).ConfigureAwait(false);
    }

    private void RequireReservations(string request)
    {
        if (!Capabilities.Reservations)
            throw new SlurmRestNotSupportedException(
                $"{request}: the Slurm REST API of {Endpoint} ({Version}) offers no reservations; drain the nodes instead.", Endpoint, request);
    }
}
