using PcsAutomation.Domain.Ami;
using PcsAutomation.Functions.Ami;
using PcsAutomation.Functions.Tests.Support;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.LocalAws.Ec2;
using PcsAutomation.LocalAws.Faults;
using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.Functions.Tests.Ami;

/// <summary>AmiLookup against the emulator's EC2 and SSM: the requests it makes and what it hands the Domain.</summary>
public class AmiLookupTests
{
    private static readonly SlurmVersion Slurm2511 = new(25, 11);
    private static readonly Dictionary<string, string> Holds2511 = new() { [AmiSlurmVersions.TagKey] = "25.05,25.11" };

    private static Scenario Catalogue() => Scenario.Empty()
        .WithImage("team-pcs-v1", created: "-20d", tags: Holds2511)
        .WithImage("team-pcs-v2", "team image, Slurm 25.11", created: "-5d")
        .WithImage("team-pcs-v3", created: "-1h", state: "pending", tags: Holds2511)
        .WithImage("team-pcs-v4", created: "-3d", deprecated: "-1h", tags: Holds2511)
        .WithImage("team-pcs-v5", architecture: "arm64", created: "-2d", tags: Holds2511)
        .WithImage("team-pcs-v6", "Slurm 24.11", created: "-1d")
        // a look-alike in another account: not ours, never returned for owner self
        .WithImage("team-pcs-v9", "Slurm 25.11", owner: "444455556666", created: "-1h")
        // a look-alike of the sample AMIs, published by another account
        .WithImage("aws-pcs-sample_ami-al2023-x86_64-slurm-25.11-29991231", owner: "444455556666", created: "-1h")
        .WithParameter("/team/pcs/ami", image: "team-pcs-v2")
        .WithParameter("/team/pcs/not-an-ami", value: "latest");

    private static async Task<(HandlerHarness Harness, AmiLookup Lookup)> StartAsync(Scenario? scenario = null)
    {
        var h = await HandlerHarness.StartAsync(scenario ?? Catalogue());
        return (h, new AmiLookup(h.Factory.CreateEc2(), h.Factory.CreateSsm(), h.Aws.Clock));
    }

    [Fact] // guide L5580-5599: owners amazon, name filter with *, state available; L5570 newest
    public async Task LatestAsync_Sample_NewestAl2023BuildAndDemonstrationNote()
    {
        var (h, lookup) = await StartAsync();
        await using var _ = h;

        var result = await lookup.LatestAsync(new AmiQuery(AmiChannel.Sample, Slurm2511, "x86_64"), CancellationToken.None);

        var chosen = result.RequireChosen();
        Assert.StartsWith("aws-pcs-sample_ami-al2023-x86_64-slurm-25.11-", chosen.Name, StringComparison.Ordinal);
        Assert.Equal(ImageCatalogue.PcsSampleOwnerId, chosen.OwnerId);
        // The emulator's catalogue has two 25.11 builds per architecture: the older one is rejected as older.
        Assert.Equal(AmiRules.Older, Assert.Single(result.Selection.Rejected).Rule);
        Assert.Contains(result.Selection.Notes, n => n.Contains("demonstration only", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Selection.Rejected, r => r.Name!.Contains("29991231", StringComparison.Ordinal)); // other owner: not asked for
    }

    [Theory] // guide L5574: amzn2 up to 25.05
    [InlineData("25.05", "arm64", "aws-pcs-sample_ami-amzn2-arm64-slurm-25.05-")]
    [InlineData("24.11", "x86_64", "aws-pcs-sample_ami-amzn2-x86_64-slurm-24.11-")]
    public async Task LatestAsync_OlderSlurm_Amzn2Sample(string slurm, string arch, string prefix)
    {
        var (h, lookup) = await StartAsync();
        await using var _ = h;

        var result = await lookup.LatestAsync(new AmiQuery(AmiChannel.Sample, SlurmVersion.Parse(slurm), arch), CancellationToken.None);

        Assert.StartsWith(prefix, result.RequireChosen().Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LatestAsync_CustomChannel_OwnNewestEligibleAndWhyNotTheOthers()
    {
        var (h, lookup) = await StartAsync();
        await using var _ = h;

        var result = await lookup.LatestAsync(
            new AmiQuery(AmiLookup.ParseChannel("custom:team-pcs-*"), Slurm2511, "x86_64", h.Aws.Options.AccountId), CancellationToken.None);

        Assert.Equal("team-pcs-v2", result.RequireChosen().Name);
        var rules = result.Selection.Rejected.ToDictionary(r => r.Name!, r => r.Rule);
        Assert.Equal(new Dictionary<string, string>
        {
            ["team-pcs-v1"] = AmiRules.Older,
            ["team-pcs-v3"] = AmiRules.State,
            ["team-pcs-v4"] = AmiRules.Deprecated, // own deprecated images are shown by EC2 and judged here
            ["team-pcs-v5"] = AmiRules.Architecture,
            ["team-pcs-v6"] = AmiRules.SlurmVersion,
        }, rules);
    }

    [Fact]
    public async Task LatestAsync_CustomChannelOtherOwner_OnlyThatAccountsImages()
    {
        var (h, lookup) = await StartAsync();
        await using var _ = h;

        var result = await lookup.LatestAsync(new AmiQuery(AmiLookup.ParseChannel("custom:team-pcs-*", "444455556666"), Slurm2511, "x86_64"), CancellationToken.None);

        Assert.Equal("team-pcs-v9", result.RequireChosen().Name);
        Assert.Empty(result.Selection.Rejected);
    }

    [Fact]
    public async Task LatestAsync_SsmChannel_TheParametersImage()
    {
        var (h, lookup) = await StartAsync();
        await using var _ = h;

        var result = await lookup.LatestAsync(new AmiQuery(AmiLookup.ParseChannel("ssm:/team/pcs/ami"), Slurm2511, "x86_64"), CancellationToken.None);

        Assert.Equal("team-pcs-v2", result.RequireChosen().Name);
        Assert.Equal(result.RequireChosen().ImageId, result.ParameterValue);
    }

    [Fact]
    public async Task LatestAsync_SsmParameterHoldsNoAmiId_InvalidAmiIdNamingTheParameter()
    {
        var (h, lookup) = await StartAsync();
        await using var _ = h;

        var error = await Assert.ThrowsAsync<InvalidAmiId>(() =>
            lookup.LatestAsync(new AmiQuery(AmiLookup.ParseChannel("ssm:/team/pcs/not-an-ami"), Slurm2511, "x86_64"), CancellationToken.None));

        Assert.Contains("SSM parameter /team/pcs/not-an-ami holds 'latest' is not an AMI id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LatestAsync_SsmParameterMissing_AmiParameterNotFound()
    {
        var (h, lookup) = await StartAsync();
        await using var _ = h;

        var error = await Assert.ThrowsAsync<AmiParameterNotFound>(() =>
            lookup.LatestAsync(new AmiQuery(AmiLookup.ParseChannel("ssm:/team/none"), Slurm2511, "x86_64"), CancellationToken.None));

        Assert.Contains("/team/none", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequireChosen_NothingFound_NoEligibleAmiSaysSo()
    {
        var (h, lookup) = await StartAsync();
        await using var _ = h;

        var empty = await lookup.LatestAsync(new AmiQuery(AmiLookup.ParseChannel("custom:nothing-*"), Slurm2511, "x86_64"), CancellationToken.None);

        Assert.Contains("EC2 answered no image", Assert.Throws<NoEligibleAmi>(empty.RequireChosen).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequireChosen_AllRejected_ErrorGivesEachReason()
    {
        var (h, lookup) = await StartAsync();
        await using var _ = h;

        var result = await lookup.LatestAsync(new AmiQuery(AmiLookup.ParseChannel("custom:team-pcs-v6"), Slurm2511, "x86_64"), CancellationToken.None);

        var error = Assert.Throws<NoEligibleAmi>(result.RequireChosen);
        Assert.Contains("slurm-version: holds Slurm 24.11 (from its description), not 25.11", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ami-12")]
    [InlineData("ami-0123456789ABCDEF0")]
    [InlineData("")]
    public async Task DescribeAsync_MalformedId_InvalidAmiIdWithoutCallingEc2(string id)
    {
        var (h, lookup) = await StartAsync();
        await using var _ = h;

        var error = await Assert.ThrowsAsync<InvalidAmiId>(() => lookup.DescribeAsync(id, CancellationToken.None));

        Assert.Contains($"'{id}' is not an AMI id", error.Message, StringComparison.Ordinal);
        Assert.Empty(h.Aws.Calls.Of("ec2", "DescribeImages"));
    }

    [Fact]
    public async Task DescribeAsync_UnknownId_AmiNotFound()
    {
        var (h, lookup) = await StartAsync();
        await using var _ = h;

        var error = await Assert.ThrowsAsync<AmiNotFound>(() => lookup.DescribeAsync("ami-0000000000000dead", CancellationToken.None));

        Assert.Contains("ami-0000000000000dead", error.Message, StringComparison.Ordinal);
        Assert.Single(h.Aws.Calls.Of("ec2", "DescribeImages")); // the call log the malformed-id test reads does record EC2 calls
    }

    [Fact]
    public async Task DescribeAsync_DeprecatedOwnImage_ReturnedWithItsDeprecationTime()
    {
        var (h, lookup) = await StartAsync();
        await using var _ = h;
        var id = ImageCatalogue.IdFor($"{h.Aws.Options.AccountId}/team-pcs-v4");

        var image = await lookup.DescribeAsync(id, CancellationToken.None);

        Assert.True(image.IsDeprecatedAt(h.Aws.Clock.GetUtcNow()));
        Assert.Equal("25.05,25.11", image.Tags[AmiSlurmVersions.TagKey]);
    }

    [Theory]
    [InlineData(new[] { "c6i.xlarge", "t3.medium" }, "x86_64", null)]
    [InlineData(new[] { "c7g.xlarge", "hpc7g.16xlarge" }, "arm64", null)]
    [InlineData(new[] { "c6i.xlarge", "c7g.xlarge" }, null, "mixes architectures (c6i.xlarge x86_64, c7g.xlarge arm64)")]
    public async Task GroupArchitectureAsync_FromDescribeInstanceTypes(string[] types, string? architecture, string? refusal)
    {
        var (h, lookup) = await StartAsync();
        await using var _ = h;

        var decision = await lookup.GroupArchitectureAsync(types, CancellationToken.None);

        Assert.Equal(architecture, decision.Architecture);
        if (refusal is null) Assert.Null(decision.Refusal);
        else Assert.Contains(refusal, decision.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupArchitectureAsync_UnknownType_UnknownInstanceType()
    {
        var (h, lookup) = await StartAsync();
        await using var _ = h;

        var error = await Assert.ThrowsAsync<UnknownInstanceType>(() => lookup.GroupArchitectureAsync(["c6i.xlarge", "z9.huge"], CancellationToken.None));

        Assert.Contains("z9.huge", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LatestAsync_DescribeImagesThrottled_TransientAwsError()
    {
        var (h, lookup) = await StartAsync();
        await using var _ = h;
        h.Aws.Faults.Add(new FaultRule("ec2", "DescribeImages") { ThrottleRate = 1 });

        var error = await Assert.ThrowsAsync<TransientAwsError>(() => lookup.LatestAsync(new AmiQuery(AmiChannel.Sample, Slurm2511, "x86_64"), CancellationToken.None));

        Assert.Contains("EC2.DescribeImages", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseChannel_Invalid_InvalidAmiChannelQuotingIt()
    {
        var error = Assert.Throws<InvalidAmiChannel>(() => AmiLookup.ParseChannel("latest"));

        Assert.Contains("'latest'", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<WorkflowError>(error);
    }
}
