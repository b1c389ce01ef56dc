using System.Text.Json.Nodes;

namespace PcsAutomation.Slurm.Tests.Support;

/// <summary>
/// OpenAPI documents as slurmrestd serves them at /openapi/v3, reduced to <c>paths</c> (their operations' bodies left
/// empty). The path lists are those of the Slurm descriptions in SlinkyProject/slurm-client api/v0042 ... v0045
/// slurm-openapi.gen.json (/slurm/ paths only, plus one /slurmdb/ path to show it is ignored); v0.0.42 (Slurm 24.11)
/// could only read reservations.
/// </summary>
internal static class OpenApiDocuments
{
    private static readonly (string Path, string[] Methods)[] Common =
    [
        ("/slurm/{v}/shares", ["get"]), ("/slurm/{v}/reconfigure/", ["get"]), ("/slurm/{v}/diag/", ["get"]), ("/slurm/{v}/ping/", ["get"]),
        ("/slurm/{v}/licenses/", ["get"]), ("/slurm/{v}/job/submit", ["post"]), ("/slurm/{v}/job/allocate", ["post"]),
        ("/slurm/{v}/jobs/", ["delete", "get"]), ("/slurm/{v}/jobs/state/", ["get"]), ("/slurm/{v}/job/{job_id}", ["delete", "get", "post"]),
        ("/slurm/{v}/nodes/", ["get", "post"]), ("/slurm/{v}/node/{node_name}", ["delete", "get", "post"]),
        ("/slurm/{v}/partitions/", ["get"]), ("/slurm/{v}/partition/{partition_name}", ["get"]),
        ("/slurmdb/{v}/jobs/", ["get"]),
    ];

    private static readonly (string Path, string[] Methods)[] ReadOnlyReservations =
        [("/slurm/{v}/reservations/", ["get"]), ("/slurm/{v}/reservation/{reservation_name}", ["get"])];

    private static readonly (string Path, string[] Methods)[] Reservations =
    [
        ("/slurm/{v}/reservations/", ["get", "post"]), ("/slurm/{v}/reservation/{reservation_name}", ["delete", "get"]),
        ("/slurm/{v}/reservation", ["post"]),
    ];

    /// <summary>A document serving every version in <paramref name="versions"/> (e.g. 42, 43), each with its reservation paths.</summary>
    public static string For(params int[] versions) =>
        Document(versions.SelectMany(n => Paths(n, n >= 43 ? Reservations : ReadOnlyReservations)));

    /// <summary>A document serving v0.0.<paramref name="version"/> with its common paths and the <paramref name="extra"/> ones only.</summary>
    public static string Custom(int version, params (string Path, string[] Methods)[] extra) => Document(Paths(version, extra));

    /// <summary>The common paths of a version without <paramref name="removed"/> ("POST /slurm/{v}/nodes/").</summary>
    public static string Without(int version, string removed)
    {
        var parts = removed.Split(' ');
        var paths = Paths(version, Reservations)
            .Select(p => p.Path == parts[1].Replace("{v}", $"v0.0.{version}", StringComparison.Ordinal)
                ? (p.Path, p.Methods.Where(m => !string.Equals(m, parts[0], StringComparison.OrdinalIgnoreCase)).ToArray())
                : p);
        return Document(paths);
    }

    private static IEnumerable<(string Path, string[] Methods)> Paths(int version, (string Path, string[] Methods)[] extra) =>
        Common.Concat(extra).Select(p => (p.Path.Replace("{v}", $"v0.0.{version}", StringComparison.Ordinal), p.Methods));

    private static string Document(IEnumerable<(string Path, string[] Methods)> paths)
    {
        var json = new JsonObject();
        foreach (var (path, methods) in paths)
        {
            if (json[path] is not JsonObject operations)
                json[path] = operations = new JsonObject();
            foreach (var method in methods)
                operations[method] = new JsonObject { ["responses"] = new JsonObject() };
        }
        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = "Slurm REST API", ["version"] = "Slurm-25.05.8" },
            ["paths"] = json,
        }.ToJsonString();
    }
}
