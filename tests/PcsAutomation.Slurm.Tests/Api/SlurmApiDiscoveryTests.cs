using System.Text;
using PcsAutomation.Slurm.Api;
using PcsAutomation.Slurm.Tests.Support;

namespace PcsAutomation.Slurm.Tests.Api;

public sealed class SlurmApiDiscoveryTests
{
    private static SlurmApiChoice Choose(string document) => SlurmApiDiscovery.Choose(Encoding.UTF8.GetBytes(document));

    [Fact]
    public void Choose_Slurm2505ServingV42AndV43_ChoosesV43WithReservations()
    {
        var choice = Choose(OpenApiDocuments.For(42, 43));

        Assert.Equal(new SlurmApiVersion(43), choice.Version);
        Assert.True(choice.Capabilities!.Reservations);
        Assert.Equal([new SlurmApiVersion(42), new SlurmApiVersion(43)], choice.Offered);
        Assert.Null(choice.Refusal);
    }

    [Fact]
    public void Choose_NewerServerAlsoOfferingAnUnknownVersion_ChoosesTheNewestKnown()
    {
        var choice = Choose(OpenApiDocuments.For(43, 44, 45, 46));

        Assert.Equal(new SlurmApiVersion(45), choice.Version);
        Assert.Equal(4, choice.Offered.Count);
    }

    [Fact]
    public void Choose_OnlyOlderThanV43_RefusesNamingTheMinimumAndTheGuide()
    {
        var choice = Choose(OpenApiDocuments.For(41, 42));

        Assert.Null(choice.Version);
        Assert.Null(choice.Capabilities);
        Assert.Contains("it offers v0.0.41, v0.0.42", choice.Refusal, StringComparison.Ordinal);
        Assert.Contains("needs v0.0.43 or newer", choice.Refusal, StringComparison.Ordinal);
        Assert.Contains("L6707", choice.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_OnlyNewerThanKnown_RefusesSayingTheClientIsOlder()
    {
        var choice = Choose(OpenApiDocuments.For(46));

        Assert.Null(choice.Version);
        Assert.Contains("v0.0.46, none of which this client knows (v0.0.43, v0.0.44, v0.0.45)", choice.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_NoSlurmPaths_RefusesNamingThePlugin()
    {
        var choice = Choose("""{"openapi": "3.0.3", "paths": {"/slurmdb/v0.0.43/jobs/": {"get": {}}}}""");

        Assert.Null(choice.Version);
        Assert.Empty(choice.Offered);
        Assert.Contains("openapi/slurmctld", choice.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_V43WithoutReservationWrites_UsableWithoutReservations()
    {
        var choice = Choose(OpenApiDocuments.Custom(43, ("/slurm/{v}/reservations/", ["get"]), ("/slurm/{v}/reservation/{reservation_name}", ["get"])));

        Assert.Equal(new SlurmApiVersion(43), choice.Version);
        Assert.False(choice.Capabilities!.Reservations);
    }

    [Fact]
    public void Choose_NewestKnownLacksNodeUpdate_FallsBackToTheNextOne()
    {
        var without = System.Text.Json.Nodes.JsonNode.Parse(OpenApiDocuments.Without(44, "POST /slurm/{v}/nodes/"))!;
        var with43 = System.Text.Json.Nodes.JsonNode.Parse(OpenApiDocuments.For(43))!;
        foreach (var (path, operations) in with43["paths"]!.AsObject().ToList())
            without["paths"]![path] = operations!.DeepClone();

        var choice = Choose(without.ToJsonString());

        Assert.Equal(new SlurmApiVersion(43), choice.Version);
    }

    [Fact]
    public void Choose_OnlyVersionLacksNodeUpdate_RefusesNamingTheMissingOperation()
    {
        var choice = Choose(OpenApiDocuments.Without(43, "POST /slurm/{v}/nodes/"));

        Assert.Null(choice.Version);
        Assert.Contains("v0.0.43 lacks POST /slurm/v0.0.43/nodes", choice.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Operations_PathsWithTrailingSlashes_UpperCaseMethodsWithoutTheSlash()
    {
        var operations = SlurmApiDiscovery.Operations(Encoding.UTF8.GetBytes(OpenApiDocuments.For(43)));

        Assert.Contains("GET /slurm/v0.0.43/ping", operations);
        Assert.Contains("POST /slurm/v0.0.43/reservation", operations);
        Assert.Contains("DELETE /slurm/v0.0.43/reservation/{reservation_name}", operations);
        Assert.DoesNotContain(operations, op => op.EndsWith('/'));
    }

    [Theory]
    [InlineData("v0.0.43", 43)]
    [InlineData("v0.0.45", 45)]
    public void TryParse_VersionText_ItsNumber(string text, int number)
    {
        Assert.Equal(new SlurmApiVersion(number), SlurmApiVersion.TryParse(text));
        Assert.Equal(text, new SlurmApiVersion(number).ToString());
    }

    [Theory]
    [InlineData("v0.1.43")]
    [InlineData("v0.0.")]
    [InlineData("dbv0.0.43")]
    public void TryParse_OtherText_Null(string text) => Assert.Null(SlurmApiVersion.TryParse(text));
}
