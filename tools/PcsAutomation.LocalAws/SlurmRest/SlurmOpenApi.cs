using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Pcs;

namespace PcsAutomation.LocalAws.SlurmRest;

/// <summary>
/// What <c>GET /openapi/v3</c> answers: an OpenAPI 3.0.3 document of the paths this slurmrestd serves, one set per data
/// parser version (the real document, SlinkyProject/slurm-client <c>api/v0043/slurm-openapi.gen.json</c>, has the same
/// path templates, <c>info.x-slurm.data_parsers</c> and the security schemes). Schemas are left out: a client reads the
/// versions from the paths (<c>/slurm/v0.0.43/...</c>), the shapes are in the README.
/// </summary>
public static class SlurmOpenApi
{
    public static JsonObject Document(PcsCluster cluster, IReadOnlyList<string> versions)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(versions);
        var paths = new JsonObject();
        foreach (var version in versions)
            foreach (var group in SlurmRestRoutes.Served.GroupBy(r => r.Path))
            {
                var template = group.Key switch
                {
                    "job/{}" => "job/{job_id}",
                    "node/{}" => "node/{node_name}",
                    "reservation/{}" => "reservation/{reservation_name}",
                    "reservation" => "reservation",
                    var plain => plain + "/", // the spec writes collections with a trailing slash: /slurm/v0.0.43/jobs/
                };
                var methods = new JsonObject();
                foreach (var (method, _, operation) in group)
                    methods[method switch { "GET" => "get", "POST" => "post", "DELETE" => "delete", _ => method }] = new JsonObject
                    {
                        ["tags"] = new JsonArray("slurm"),
                        ["operationId"] = $"slurm_{version.Replace(".", "", StringComparison.Ordinal)}_{operation}",
                    };
                paths[$"/slurm/{version}/{template}"] = methods;
            }
        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "Slurm REST API",
                ["description"] = "API to access and control Slurm",
                ["version"] = $"Slurm-{cluster.SchedulerVersion}",
                ["x-slurm"] = new JsonObject
                {
                    ["data_parsers"] = new JsonArray(versions.Select(v => (JsonNode)new JsonObject { ["plugin"] = v, ["flags"] = new JsonArray("NONE") }).ToArray()),
                    ["openapi"] = new JsonArray("openapi/slurmctld"),
                },
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/" }),
            ["security"] = new JsonArray(new JsonObject { ["token"] = new JsonArray() }, new JsonObject { ["bearerAuth"] = new JsonArray() }),
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["token"] = new JsonObject { ["type"] = "apiKey", ["description"] = "User access token", ["name"] = "X-SLURM-USER-TOKEN", ["in"] = "header" },
                    ["bearerAuth"] = new JsonObject { ["type"] = "http", ["description"] = "Bearer Authentication", ["scheme"] = "bearer", ["bearerFormat"] = "JWT" },
                },
            },
            ["paths"] = paths,
        };
    }
}
