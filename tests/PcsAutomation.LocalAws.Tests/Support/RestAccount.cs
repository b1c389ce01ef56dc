using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.SlurmRest;

namespace PcsAutomation.LocalAws.Tests.Support;

/// <summary>An in-process emulator whose cluster <c>c</c> serves the Slurm REST API, with short helpers to call its slurmrestd in process.</summary>
internal sealed class RestAccount
{
    public const string Cluster = "c";

    public RestAccount(Scenario? scenario = null)
    {
        Aws = LocalAws.CreateInProcess(new LocalAwsOptions
        {
            Scenario = (scenario ?? Scenario.Cluster(Cluster).WithSlurmRest().WithNodeGroup("compute", 0, 2).WithQueue("q", "compute")).Build(),
        });
    }

    public LocalAws Aws { get; }

    public DateTimeOffset Now => Aws.Clock.GetUtcNow();

    /// <summary>A token of the guide's example, signed with the cluster's current key, valid ten minutes from now.</summary>
    public string Token() => SlurmTokens.Mint(SlurmTokens.CurrentKey(Aws, Cluster), Now);

    public SlurmRestResponse Send(string method, string path, string? body = null, string? token = null) =>
        Aws.SlurmRest.Send(Cluster, SlurmRestRequest.WithBearer(method, path, token ?? Token(), body));

    /// <summary>A call that must succeed: its JSON body, with no errors.</summary>
    public JsonObject Ok(string method, string path, string? body = null)
    {
        var response = Send(method, path, body);
        Assert.True(response.Status == 200, $"{method} {path}: {response.Status} {response.Body}");
        var json = (JsonObject)JsonNode.Parse(response.Body)!;
        Assert.Empty(json["errors"]!.AsArray());
        return json;
    }

    /// <summary>A call that must fail with a JSON error: status, and the first error.</summary>
    public (int Status, JsonObject Error) Fails(string method, string path, string? body = null, string? token = null)
    {
        var response = Send(method, path, body, token);
        Assert.NotEqual(200, response.Status);
        var errors = JsonNode.Parse(response.Body)!["errors"]!.AsArray();
        Assert.NotEmpty(errors);
        return (response.Status, (JsonObject)errors[0]!);
    }

    public JsonArray Jobs() => Ok("GET", "/slurm/v0.0.43/jobs/")["jobs"]!.AsArray();

    public JsonObject Job(long id) => (JsonObject)Jobs().Single(j => (long)j!["job_id"]! == id)!;

    public JsonObject Node(string name) => (JsonObject)Ok("GET", $"/slurm/v0.0.43/node/{name}")["nodes"]!.AsArray().Single()!;

    public static IReadOnlyList<string> States(JsonObject node) => node["state"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();

    public void Advance(TimeSpan by) => Aws.Clock.Advance(by);
}
