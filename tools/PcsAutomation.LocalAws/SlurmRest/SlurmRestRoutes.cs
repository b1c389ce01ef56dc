namespace PcsAutomation.LocalAws.SlurmRest;

/// <summary>A request matched to an operation: its name (the spec's operationId without <c>slurm_v00xx_</c>), the data parser version and the path parameter.</summary>
public sealed record SlurmRestRoute(string Operation, string Version, string? Parameter);

/// <summary>
/// The paths served, from the v0.0.43 OpenAPI description (SlinkyProject/slurm-client <c>api/v0043/slurm-openapi.gen.json</c>):
/// <c>/slurm/{version}/ping/</c>, <c>jobs/</c>, <c>job/{job_id}</c>, <c>nodes/</c>, <c>node/{node_name}</c>, <c>reservations/</c>,
/// <c>reservation/{reservation_name}</c>, <c>reservation</c> (POST, new in v0.0.43: v0.0.42 had no reservation create), and
/// <c>/openapi/v3</c> (also <c>/openapi</c>, <c>/openapi.json</c>; <c>src/slurmrestd/openapi.c</c>). A trailing slash is optional, as
/// slurmrestd splits paths on slashes. Anything else is slurmrestd's 404, a path served without the method its 405
/// (<c>src/slurmrestd/operations.c</c>, <c>_resolve_path</c>).
/// </summary>
public static class SlurmRestRoutes
{
    public const string OpenApi = "get_openapi";

    /// <summary>(method, path after the version, operation); <c>{}</c> is the path parameter.</summary>
    public static readonly IReadOnlyList<(string Method, string Path, string Operation)> Served =
    [
        ("GET", "ping", "get_ping"),
        ("GET", "jobs", "get_jobs"),
        ("GET", "job/{}", "get_job"),
        ("GET", "nodes", "get_nodes"),
        ("POST", "nodes", "post_nodes"),
        ("GET", "node/{}", "get_node"),
        ("POST", "node/{}", "post_node"),
        ("GET", "reservations", "get_reservations"),
        ("POST", "reservations", "post_reservations"),
        ("GET", "reservation/{}", "get_reservation"),
        ("DELETE", "reservation/{}", "delete_reservation"),
        ("POST", "reservation", "post_reservation"),
    ];

    /// <summary>
    /// The data parser versions a cluster's slurmrestd serves here: from v0.0.43 (the first with reservation create) to its
    /// release's own, v0.0.43 for 25.05 (guide L6978) and v0.0.44 for 25.11 (SchedMD/slurm branch slurm-25.11,
    /// <c>src/plugins/data_parser/</c>). A real slurmrestd also serves the older parsers of its release (25.05: v0.0.40 to
    /// v0.0.43); the emulator leaves those out (README).
    /// </summary>
    public static IReadOnlyList<string> Versions(string slurmVersion) =>
        string.CompareOrdinal(slurmVersion, "25.11") >= 0 ? ["v0.0.43", "v0.0.44"] : ["v0.0.43"];

    public const string NotFound = "Unable find requested URL. Please view /openapi/v3 for API reference.";
    public const string MethodNotAllowed = "Requested REST method is not defined at URL. Please view /openapi/v3 for API reference.";

    /// <summary>The route, or the text/plain rejection (status and text) slurmrestd gives.</summary>
    public static (SlurmRestRoute? Route, int Status, string Rejection) Match(string method, string path, IReadOnlyList<string> versions)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(versions);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var joined = string.Join('/', segments);
        if (joined is "openapi/v3" or "openapi" or "openapi.json")
            return method == "GET" ? (new SlurmRestRoute(OpenApi, "", null), 200, "") : (null, 405, MethodNotAllowed);
        if (segments.Length is < 3 or > 4 || segments[0] != "slurm" || !versions.Contains(segments[1])) return (null, 404, NotFound);
        var template = segments.Length == 4 ? $"{segments[2]}/{{}}" : segments[2];
        var candidates = Served.Where(r => r.Path == template).ToList();
        if (candidates.Count == 0) return (null, 404, NotFound);
        var served = candidates.FirstOrDefault(r => r.Method == method);
        return served.Operation is null
            ? (null, 405, MethodNotAllowed)
            : (new SlurmRestRoute(served.Operation, segments[1], segments.Length == 4 ? segments[3] : null), 200, "");
    }
}
