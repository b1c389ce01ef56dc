using System.Text.Json;
using System.Text.Json.Nodes;
using PcsAutomation.Domain.Ami;
using PcsAutomation.Domain.Ami.CustomResource;
using static PcsAutomation.Domain.Tests.CustomResources.CustomResourceEvents;

namespace PcsAutomation.Domain.Tests.Ami.CustomResource;

public class AmiLookupPropertiesTests
{
    private static AmiLookupPropertiesResult Read(JsonObject properties) => AmiLookupProperties.Parse(Parse(Create(properties)).ResourceProperties);

    [Fact]
    public void Parse_AllThree_TheKey()
    {
        var result = Read(Properties("25.11", "arm64", "al2023"));

        Assert.Empty(result.Problems);
        Assert.Equal(new SampleAmiKey("al2023", "arm64", new SlurmVersion(25, 11)), result.Key);
        Assert.False(result.OperatingSystemDerived);
    }

    [Theory] // guide L5574: al2023 from Slurm 25.11, amzn2 for 25.05 and older
    [InlineData("25.11", "al2023")]
    [InlineData("25.05", "amzn2")]
    [InlineData("24.11", "amzn2")]
    public void Parse_OperatingSystemOmitted_TheVersionsOwn(string slurm, string os)
    {
        var result = Read(Properties(slurm));

        Assert.Equal(os, result.Key!.OperatingSystem);
        Assert.True(result.OperatingSystemDerived);
    }

    [Fact]
    public void Parse_OperatingSystemEmpty_TheVersionsOwn() =>
        Assert.Equal("amzn2", Read(Properties("25.05", os: "")).Key!.OperatingSystem);

    [Fact] // the guide's own example (L1753) with its template's default version (L1478)
    public void Parse_Amzn2WithSlurm2511_RefusedNamingTheRule()
    {
        var result = Read(Properties("25.11", os: "amzn2"));

        Assert.Null(result.Key);
        Assert.Equal(
            ["OperatingSystem amzn2 with SlurmVersion 25.11: PCS sample AMIs run al2023 from Slurm 25.11 (guide L5574), so no amzn2 sample AMI holds Slurm 25.11; omit OperatingSystem or set al2023"],
            result.Problems);
    }

    [Fact]
    public void Parse_Al2023WithSlurm2505_Refused()
    {
        var problem = Assert.Single(Read(Properties("25.05", os: "al2023")).Problems);

        Assert.Contains("PCS sample AMIs for Slurm 25.05 and older run amzn2 (guide L5574)", problem, StringComparison.Ordinal);
        Assert.EndsWith("omit OperatingSystem or set amzn2", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ubuntu", "OperatingSystem 'ubuntu' is not al2023 or amzn2")]
    [InlineData("AL2023", "OperatingSystem 'AL2023' is not al2023 or amzn2")]
    public void Parse_UnknownOperatingSystem_RefusedQuotingIt(string os, string problem) =>
        Assert.StartsWith(problem, Assert.Single(Read(Properties(os: os)).Problems), StringComparison.Ordinal);

    [Theory] // L1560-1562: the template maps x86 and Graviton before passing them
    [InlineData("x86")]
    [InlineData("Graviton")]
    [InlineData("aarch64")]
    public void Parse_ArchitectureNotTheSampleSpelling_RefusedPointingToTheMapping(string architecture)
    {
        var problem = Assert.Single(Read(Properties(architecture: architecture)).Problems);

        Assert.StartsWith($"Architecture '{architecture}' is not x86_64 or arm64", problem, StringComparison.Ordinal);
        Assert.Contains("maps x86 to x86_64 and Graviton to arm64", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RequiredMissing_EachNamed()
    {
        var result = Read(Properties(slurm: null, architecture: null));

        Assert.Equal(
            ["SlurmVersion is missing: give the cluster's Slurm major version, e.g. 25.11 (guide L1474-1486)", "Architecture is missing: x86_64 or arm64 (guide L1560-1562)"],
            result.Problems);
    }

    [Theory]
    [InlineData("25.1")]
    [InlineData("25.11.2")]
    [InlineData(" 25.11")]
    [InlineData("latest")]
    public void Parse_SlurmVersionNotAMajorVersion_RefusedQuotingIt(string slurm) =>
        Assert.StartsWith($"SlurmVersion '{slurm}' is not a Slurm major version", Assert.Single(Read(Properties(slurm)).Problems), StringComparison.Ordinal);

    [Fact]
    public void Parse_SlurmVersionAsJsonNumber_ReadByItsText()
    {
        var properties = Properties(slurm: null);
        properties["SlurmVersion"] = JsonNode.Parse("25.05");

        Assert.Equal(new SlurmVersion(25, 5), Read(properties).Key!.SlurmVersion);
    }

    [Fact]
    public void Parse_ObjectValue_ProblemNamesTheProperty()
    {
        var properties = Properties(architecture: null);
        properties["Architecture"] = new JsonObject { ["Fn::FindInMap"] = "unresolved" };

        Assert.Equal(["Architecture is a JSON object, not a string"], Read(properties).Problems);
    }

    [Fact]
    public void Parse_UnknownProperties_RefusedListingThem()
    {
        var properties = Properties();
        properties["Region"] = "us-east-1";
        properties["Channel"] = "sample";

        Assert.Equal(
            ["unknown properties Channel, Region: Custom::AMILookup takes OperatingSystem (optional), Architecture and SlurmVersion (guide L1748-1756)"],
            Read(properties).Problems);
    }

    [Fact] // crpg-ref-requests.html: ServiceToken and ServiceTimeout are CloudFormation's own
    public void Parse_ServiceTokenAndServiceTimeout_NotTheLookups()
    {
        var properties = Properties();
        properties["ServiceTimeout"] = "300";

        Assert.Empty(Read(properties).Problems);
    }

    [Fact]
    public void Parse_NoResourceProperties_SaysWhatIsRequired() =>
        Assert.Equal(["ResourceProperties is missing: Architecture and SlurmVersion are required"], AmiLookupProperties.Parse(null).Problems);

    [Fact]
    public void Parse_EveryProblemAtOnce_NotOnlyTheFirst()
    {
        var properties = new JsonObject { ["SlurmVersion"] = "x", ["Architecture"] = "x86", ["OperatingSystem"] = "rhel", ["Foo"] = "1" };

        Assert.Equal(4, AmiLookupProperties.Parse(JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(properties.ToJsonString())).Problems.Count);
    }
}
