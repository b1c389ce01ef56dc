using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.SlurmRest;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.SlurmRest;

/// <summary>Paths, versions and the OpenAPI document of the emulated slurmrestd.</summary>
public class SlurmRestRoutesTests
{
    [Theory] // guide L6978: v0.0.43 for 25.05; 25.11 brings v0.0.44 (slurm-25.11 src/plugins/data_parser) and keeps v0.0.43
    [InlineData("25.05", new[] { "v0.0.43" })]
    [InlineData("25.11", new[] { "v0.0.43", "v0.0.44" })]
    public void OpenApi_ListsTheVersionsServed(string slurm, string[] versions)
    {
        var account = new RestAccount(Scenario.Cluster("c", slurmVersion: slurm).WithSlurmRest().WithNodeGroup("g", 0, 1).WithQueue("q", "g"));

        var document = (JsonObject)JsonNode.Parse(account.Send("GET", "/openapi/v3").Body)!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();

        Assert.Equal(versions, document["info"]!["x-slurm"]!["data_parsers"]!.AsArray().Select(p => (string)p!["plugin"]!));
        Assert.All(versions, v => Assert.Contains($"/slurm/{v}/reservation", paths));
        Assert.All(versions, v => Assert.Equal(["get", "post"], document["paths"]![$"/slurm/{v}/node/{{node_name}}"]!.AsObject().Select(m => m.Key)));
        Assert.Equal(versions.Length * 8, paths.Count);
    }

    [Theory] // operations.c _resolve_path
    [InlineData("GET", "/slurm/v0.0.43/ping", 200)]
    [InlineData("GET", "/slurm/v0.0.43/ping/", 200)]
    [InlineData("GET", "/slurm/v0.0.44/ping/", 404)]
    [InlineData("GET", "/slurm/v0.0.43/licenses/", 404)]
    [InlineData("PUT", "/slurm/v0.0.43/jobs/", 405)]
    [InlineData("DELETE", "/slurm/v0.0.43/node/g-1", 405)]
    public void Request_Path_RoutedOrRejectedAsSlurmrestd(string method, string path, int status)
    {
        var account = new RestAccount(Scenario.Cluster("c").WithSlurmRest().WithNodeGroup("g", 0, 1).WithQueue("q", "g"));

        Assert.Equal(status, account.Send(method, path).Status);
    }

    [Fact]
    public void Request_UnknownPath_SlurmrestdsTextPointingAtOpenApi()
    {
        var account = new RestAccount();

        var response = account.Send("GET", "/slurm/v0.0.43/diag/");

        Assert.Equal((404, "text/plain", SlurmRestRoutes.NotFound), (response.Status, response.ContentType, response.Body));
    }

    [Fact] // data parser: a member the emulator does not model is ignored with a warning, a wrong type refused (9000, HTTP 422)
    public void UpdateNode_UnknownMemberWarnedWrongTypeRefused()
    {
        var account = new RestAccount();

        var warned = account.Ok("POST", "/slurm/v0.0.43/node/compute-1", """{"state":["DRAIN"],"reason":"r","weight":5}""");
        var (status, error) = account.Fails("POST", "/slurm/v0.0.43/node/compute-2", """{"state":["DRAIN"],"reason":42}""");

        Assert.Contains("weight", (string)warned["warnings"]![0]!["description"]!, StringComparison.Ordinal);
        Assert.Equal((422, 9000), (status, (int)error["error_number"]!));
        Assert.Contains("reason must be a string", (string)error["description"]!, StringComparison.Ordinal);
    }
}
