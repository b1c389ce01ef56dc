using System.Text.Json;
using System.Text.Json.Nodes;
using PcsAutomation.Domain.Ami;
using PcsAutomation.Domain.Ami.CustomResource;
using PcsAutomation.Domain.CustomResources;
using static PcsAutomation.Domain.Tests.CustomResources.CustomResourceEvents;

namespace PcsAutomation.Domain.Tests.Ami.CustomResource;

public class AmiLookupDecisionTests
{
    private const string Ami = "ami-0123456789abcdef0";
    private static readonly SampleAmiKey Al2023X86 = new("al2023", "x86_64", new SlurmVersion(25, 11));
    private static readonly string Previous = AmiLookupResourceId.For(Al2023X86, Ami, "create-request");

    private static AmiLookupDecision Decide(JsonNode node) => AmiLookupDecision.Decide(Parse(node));

    [Fact]
    public void Decide_Create_LookUpAnsweringAFailedCreateIdIfItFails()
    {
        var decision = Decide(Create(Properties()));

        Assert.Equal(AmiLookupDecisionKind.LookUp, decision.Kind);
        Assert.Equal(Al2023X86, decision.Key);
        Assert.True(decision.OperatingSystemDerived);
        Assert.Equal($"pcs-ami-lookup/failed/{RequestId}", decision.PhysicalResourceId);
    }

    [Fact]
    public void Decide_UpdateSamePropertiesNewServiceToken_KeepsTheAmiAndTheId()
    {
        var decision = Decide(Update(Previous, Properties(serviceToken: "arn:aws:lambda:us-east-1:111122223333:function:v2"), Properties()));

        Assert.Equal(AmiLookupDecisionKind.Keep, decision.Kind);
        Assert.Equal((Ami, Previous), (decision.AmiId, decision.PhysicalResourceId));
        Assert.StartsWith($"Kept {Ami}: the properties still name the PCS sample AMI for al2023 x86_64 Slurm 25.11", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_UpdateOperatingSystemNowExplicitAndTheSame_Keeps() =>
        Assert.Equal(AmiLookupDecisionKind.Keep, Decide(Update(Previous, Properties(os: "al2023"), Properties())).Kind);

    [Fact]
    public void Decide_UpdateAnotherSlurmVersion_LookUpAndAFailureKeepsTheOldId()
    {
        var decision = Decide(Update(Previous, Properties("25.05"), Properties()));

        Assert.Equal(AmiLookupDecisionKind.LookUp, decision.Kind);
        Assert.Equal(new SampleAmiKey("amzn2", "x86_64", new SlurmVersion(25, 5)), decision.Key);
        Assert.Equal(Previous, decision.PhysicalResourceId);
        Assert.Contains("changed from al2023 x86_64 Slurm 25.11 to amzn2 x86_64 Slurm 25.05", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_UpdateAnotherArchitecture_LookUp() =>
        Assert.Equal(AmiLookupDecisionKind.LookUp, Decide(Update(Previous, Properties(architecture: "arm64"), Properties())).Kind);

    [Fact] // e.g. a resource first served by the guide's own Python function, then pointed at this one
    public void Decide_UpdateWithAnotherProvidersPhysicalId_LookUp()
    {
        var decision = Decide(Update("2026/01/05/[$LATEST]0123", Properties(), Properties()));

        Assert.Equal(AmiLookupDecisionKind.LookUp, decision.Kind);
        Assert.Contains("not written by this lookup", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_DeleteWithGarbage_SucceedsEchoingTheIdWithoutAnyAwsCall()
    {
        var request = Parse(Delete("pcs-ami-lookup/failed/x", new JsonArray("garbage", 1, true)));

        var decision = AmiLookupDecision.Decide(request);
        var response = decision.Answer(request);

        Assert.Equal(AmiLookupDecisionKind.Delete, decision.Kind);
        Assert.Equal((CustomResourceStatus.Success, "pcs-ami-lookup/failed/x"), (response.Status, response.PhysicalResourceId));
        Assert.Null(response.Data);
    }

    [Fact]
    public void Decide_DeleteWithoutPhysicalId_StillSucceedsWithANonEmptyId()
    {
        var request = Parse(Delete(null, null));

        var response = AmiLookupDecision.Decide(request).Answer(request);

        Assert.Equal(CustomResourceStatus.Success, response.Status);
        Assert.Equal($"pcs-ami-lookup/failed/{RequestId}", response.PhysicalResourceId);
    }

    [Fact]
    public void Decide_CreateAmzn2WithSlurm2511_RefusedWithTheRule()
    {
        var request = Parse(Create(Properties("25.11", os: "amzn2")));

        var decision = AmiLookupDecision.Decide(request);
        var response = decision.Answer(request);

        Assert.Equal(AmiLookupDecisionKind.Refuse, decision.Kind);
        Assert.Equal(CustomResourceStatus.Failed, response.Status);
        Assert.StartsWith("Custom::AMILookup properties: OperatingSystem amzn2 with SlurmVersion 25.11: PCS sample AMIs run al2023 from Slurm 25.11 (guide L5574)", response.Reason, StringComparison.Ordinal);
        Assert.Equal($"pcs-ami-lookup/failed/{RequestId}", response.PhysicalResourceId);
    }

    [Fact]
    public void Decide_UpdateToBadProperties_RefusedKeepingTheResourcesId()
    {
        var request = Parse(Update(Previous, Properties(architecture: "x86"), Properties()));

        var response = AmiLookupDecision.Decide(request).Answer(request);

        Assert.Equal((CustomResourceStatus.Failed, Previous), (response.Status, response.PhysicalResourceId));
    }

    [Fact]
    public void Decide_UnknownRequestType_RefusedNamingIt()
    {
        var node = Create(Properties());
        node["RequestType"] = "Import";

        var decision = Decide(node);

        Assert.Equal(AmiLookupDecisionKind.Refuse, decision.Kind);
        Assert.Equal("the CloudFormation request is malformed: RequestType 'Import' is not Create, Update or Delete", decision.Reason);
    }

    [Fact]
    public void Found_TheLookupsAmi_NewIdDataAndTheReasonWithItsNotes()
    {
        var request = Parse(Create(Properties()));
        var decision = AmiLookupDecision.Decide(request);

        var response = decision.Found(request, Ami, "aws-pcs-sample_ami-al2023-x86_64-slurm-25.11-20260105", "newest CreationDate", ["Sample AMIs are for demonstration only."]);

        Assert.Equal(CustomResourceStatus.Success, response.Status);
        Assert.Equal(AmiLookupResourceId.For(Al2023X86, Ami, RequestId), response.PhysicalResourceId);
        Assert.Equal(
            new Dictionary<string, string> { ["AmiId"] = Ami, ["OperatingSystem"] = "al2023", ["Architecture"] = "x86_64", ["SlurmVersion"] = "25.11" },
            response.Data);
        Assert.Equal(
            $"{Ami} (aws-pcs-sample_ami-al2023-x86_64-slurm-25.11-20260105): newest CreationDate. OperatingSystem al2023 comes from Slurm 25.11 (guide L5574). Sample AMIs are for demonstration only.",
            response.Reason);
    }

    [Fact]
    public void Answer_Keep_DataCarriesTheKeptAmi()
    {
        var request = Parse(Update(Previous, Properties(), Properties()));

        var response = AmiLookupDecision.Decide(request).Answer(request);

        Assert.Equal((CustomResourceStatus.Success, Previous, Ami), (response.Status, response.PhysicalResourceId, response.Data!["AmiId"]));
        using var json = JsonDocument.Parse(response.ToUtf8Json());
        Assert.Equal(Ami, json.RootElement.GetProperty("Data").GetProperty("AmiId").GetString());
    }

    [Fact]
    public void Answer_ALookup_Throws() =>
        Assert.Throws<InvalidOperationException>(() => Decide(Create(Properties())).Answer(Parse(Create(Properties()))));
}
