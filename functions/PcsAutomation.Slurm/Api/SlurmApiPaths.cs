namespace PcsAutomation.Slurm.Api;

/// <summary>
/// The requests the client makes, as the OpenAPI description of Slurm 25.05 names them (SlinkyProject/slurm-client
/// api/v0043/slurm-openapi.gen.json <c>paths</c>; the same in v0044, v0045), with the trailing slash of its collection
/// paths. slurmrestd ignores empty path segments (SchedMD/slurm src/slurmrestd/openapi.c <c>_parse_openapi_path</c>), so
/// the guide's <c>/slurm/v0.0.43/ping</c> (L6898) names the same operation.
/// </summary>
internal sealed class SlurmApiPaths(SlurmApiVersion version)
{
    /// <summary>
    /// Where slurmrestd serves its OpenAPI document, for every data parser it loaded (SchedMD/slurm slurm-25-05-8-1,
    /// src/slurmrestd/openapi.c <c>openapi_paths</c>: /openapi.json, /openapi.yaml, /openapi, /openapi/v3).
    /// </summary>
    public const string OpenApiDocument = "/openapi/v3";

    public SlurmApiVersion Version { get; } = version;

    /// <summary>GET: <c>v0.0.43_openapi_ping_array_resp</c>.</summary>
    public string Ping => $"{Version.SlurmPrefix}/ping/";

    /// <summary>GET: <c>v0.0.43_openapi_job_info_resp</c>.</summary>
    public string Jobs => $"{Version.SlurmPrefix}/jobs/";

    /// <summary>GET: <c>v0.0.43_openapi_nodes_resp</c>; POST (batch update): <c>v0.0.43_update_node_msg</c> → <c>v0.0.43_openapi_resp</c>.</summary>
    public string Nodes => $"{Version.SlurmPrefix}/nodes/";

    /// <summary>GET: <c>v0.0.43_openapi_reservation_resp</c>.</summary>
    public string Reservations => $"{Version.SlurmPrefix}/reservations/";

    /// <summary>POST (create, or update when the name exists): <c>v0.0.43_reservation_desc_msg</c> → <c>v0.0.43_openapi_reservation_mod_resp</c>.</summary>
    public string Reservation => $"{Version.SlurmPrefix}/reservation";

    /// <summary>DELETE: → <c>v0.0.43_openapi_resp</c>.</summary>
    public string NamedReservation(string name) => $"{Version.SlurmPrefix}/reservation/{Uri.EscapeDataString(name)}";

    /// <summary>What the server's document must list for the client to use the version at all.</summary>
    public IReadOnlyList<string> Required =>
        [$"GET {Version.SlurmPrefix}/ping", $"GET {Version.SlurmPrefix}/jobs", $"GET {Version.SlurmPrefix}/nodes", $"POST {Version.SlurmPrefix}/nodes"];

    /// <summary>What it must list for reservations (v0.0.43 added the POST and DELETE; v0.0.42 could only read them).</summary>
    public IReadOnlyList<string> ReservationOperations =>
        [$"GET {Version.SlurmPrefix}/reservations", $"POST {Version.SlurmPrefix}/reservation", $"DELETE {Version.SlurmPrefix}/reservation/{{reservation_name}}"];
}
