using PcsAutomation.Domain.Ami;
using static PcsAutomation.Domain.Tests.Ami.Images;

namespace PcsAutomation.Domain.Tests.Ami;

public class AmiPreflightTests
{
    private static readonly SlurmVersion Slurm2511 = new(25, 11);
    private static readonly ArchitectureDecision X86 = new("x86_64", null);

    private static AmiImage Team(string versions, string arch = "x86_64") => Own("ami-0123456789abcdef0", "team-pcs", arch, tags: SlurmTag(versions));

    private static PreflightResult Check(PreflightInput input, DateTimeOffset? now = null) => AmiPreflight.Check(input, now ?? Now);

    private static PreflightFinding Refusal(PreflightResult result, string rule) => Assert.Single(result.Refusals, f => f.Rule == rule);

    private static PreflightFinding Warning(PreflightResult result, string rule) => Assert.Single(result.Warnings, f => f.Rule == rule);

    [Fact]
    public void Check_CompatibleCustomAmi_PassesWithoutWarnings()
    {
        var result = Check(new PreflightInput(Slurm2511, Team("25.05,25.11"), X86));

        Assert.True(result.Passed);
        Assert.Empty(result.Warnings);
        Assert.Equal(Slurm2511, result.SlurmVersionRun);
    }

    [Theory] // guide L6559: at most two versions behind
    [InlineData("25.05", 1)]
    [InlineData("24.11", 2)]
    public void Check_AmiUpToTwoVersionsBehind_PassesWithAWarning(string versions, int behind)
    {
        var result = Check(new PreflightInput(Slurm2511, Team(versions), X86));

        Assert.True(result.Passed);
        Assert.Contains($"{behind} version", Warning(result, AmiPreflight.SlurmBehind).Message, StringComparison.Ordinal);
        Assert.Equal("guide L6559", Warning(result, AmiPreflight.SlurmBehind).Guide);
    }

    [Fact]
    public void Check_AmiThreeVersionsBehind_RefusedCitingL6559()
    {
        var result = Check(new PreflightInput(Slurm2511, Team("23.11,24.05"), X86));

        var refusal = Refusal(result, AmiPreflight.SlurmCompatibility);
        Assert.Equal("guide L6559", refusal.Guide);
        Assert.Contains("its newest usable, 24.05, is 3 versions behind the cluster's 25.11 (at most 2)", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AmiOnlyNewerThanCluster_Refused()
    {
        var result = Check(new PreflightInput(new SlurmVersion(25, 5), Team("25.11"), X86));

        Assert.Contains("all newer than the cluster's 25.05", Refusal(result, AmiPreflight.SlurmCompatibility).Message, StringComparison.Ordinal);
    }

    [Fact] // guide L5776-5778
    public void Check_AmiDeclaresNoSlurm_RefusedNamingTheTag()
    {
        var result = Check(new PreflightInput(Slurm2511, Own("ami-0123456789abcdef0", "bare"), X86));

        var refusal = Refusal(result, AmiPreflight.SlurmCompatibility);
        Assert.Equal("guide L5776-5778", refusal.Guide);
        Assert.Contains("pcs-automation:slurm-versions", refusal.Message, StringComparison.Ordinal);
    }

    [Theory] // guide L6441-6446: 24.11 2026-05-31, 25.05 2026-11-30, 25.11 2027-05-31
    [InlineData("24.11", "2026-05-31T00:00:00Z", "2026-05-31")]
    [InlineData("25.05", "2026-12-01T00:00:00Z", "2026-11-30")]
    [InlineData("25.11", "2027-06-01T00:00:00Z", "2027-05-31")]
    public void Check_ClusterSlurmEndOfLife_Refused(string slurm, string now, string day)
    {
        var result = Check(new PreflightInput(SlurmVersion.Parse(slurm), Team(slurm), X86), DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        var refusal = Refusal(result, AmiPreflight.SlurmEndOfLife);
        Assert.Equal("guide L6441-6454", refusal.Guide);
        Assert.Contains($"the cluster's Slurm {slurm} reached its PCS end of life on {day}", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AmiRunsAnEndOfLifeVersion_Refused()
    {
        // Cluster 25.11 is supported on 2026-06-01; the AMI only holds 24.11, within two versions but past its end of life.
        var result = Check(new PreflightInput(Slurm2511, Team("24.11"), X86), new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Contains("the AMI's Slurm 24.11 reached its PCS end of life", Refusal(result, AmiPreflight.SlurmEndOfLife).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UnknownClusterVersion_Refused() =>
        Assert.Contains("not a version PCS supports",
            Refusal(Check(new PreflightInput(new SlurmVersion(26, 5), Team("26.05"), X86)), AmiPreflight.SlurmEndOfLife).Message, StringComparison.Ordinal);

    [Fact] // guide L2549-2550, L6008
    public void Check_ArchitectureDiffersFromInstanceTypes_Refused()
    {
        var result = Check(new PreflightInput(Slurm2511, Team("25.11", arch: "arm64"), X86));

        Assert.Contains("is arm64, the group's instance types are x86_64", Refusal(result, AmiPreflight.Architecture).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_GroupMixesArchitectures_Refused()
    {
        var mixed = new ArchitectureDecision(null, "the node group mixes architectures (c6i.xlarge x86_64, c7g.xlarge arm64)");

        var result = Check(new PreflightInput(Slurm2511, Team("25.11"), mixed));

        Assert.Equal(mixed.Refusal, Refusal(result, AmiPreflight.Architecture).Message);
    }

    [Fact] // guide L2669
    public void Check_ManagedLaunchTemplate_Refused()
    {
        var result = Check(new PreflightInput(Slurm2511, Team("25.11"), X86, LaunchTemplateName: "pcs-abcdef0123-do-not-delete"));

        var refusal = Refusal(result, AmiPreflight.ManagedLaunchTemplate);
        Assert.Equal("guide L2669", refusal.Guide);
        Assert.Contains("pcs-abcdef0123-do-not-delete", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pcs-abcdef0123-do-not-delete", true)]
    [InlineData("pcs--do-not-delete", false)]
    [InlineData("team-pcs-compute", false)]
    [InlineData("pcs-abcdef0123-do-not-delete-copy", false)]
    public void IsManagedTemplate_PcsIdDoNotDelete(string name, bool expected) =>
        Assert.Equal(expected, AmiPreflight.IsManagedTemplate(name));

    [Fact]
    public void Check_PendingImage_Refused() =>
        Assert.Contains("is pending, not available",
            Refusal(Check(new PreflightInput(Slurm2511, Team("25.11") with { State = "pending" }, X86)), AmiPreflight.ImageState).Message, StringComparison.Ordinal);

    [Fact] // guide L3029
    public void Check_GroupAmiIdAndTemplateImageId_WarnsTheAmiIdOverrides()
    {
        var result = Check(new PreflightInput(Slurm2511, Team("25.11"), X86, LaunchTemplateName: "team-compute", LaunchTemplateImageId: "ami-0fedcba9876543210"));

        Assert.True(result.Passed);
        var warning = Warning(result, AmiPreflight.AmiOverridesTemplate);
        Assert.Equal("guide L3029", warning.Guide);
        Assert.Contains("amiId ami-0123456789abcdef0 overrides the launch template's ImageId ami-0fedcba9876543210", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TemplateDrivenChange_NoOverrideWarning() =>
        Assert.Empty(Check(new PreflightInput(Slurm2511, Team("25.11"), X86, LaunchTemplateImageId: "ami-0fedcba9876543210", SetsGroupAmiId: false)).Warnings);

    [Theory] // guide L5526-5528
    [InlineData(true, true)]
    [InlineData(null, true)]
    [InlineData(false, false)]
    public void Check_SampleAmiSeveralInterfaces_WarnsUnlessSubnetsAreNotIpv6Only(bool? ipv6Only, bool warned)
    {
        var sample = Sample("ami-0123456789abcdef0", "aws-pcs-sample_ami-al2023-x86_64-slurm-25.11-20260219", "x86_64", 10);

        var result = Check(new PreflightInput(Slurm2511, sample, X86, NetworkInterfaceCount: 2, Ipv6OnlySubnets: ipv6Only));

        Assert.True(result.Passed);
        Assert.Equal(warned, result.Warnings.Any(w => w.Rule == AmiPreflight.SampleIpv6 && w.Guide == "guide L5526-5528"));
        Assert.Equal("guide L5522-5524", Warning(result, AmiPreflight.SampleDemonstration).Guide);
    }

    [Fact]
    public void Check_SampleAmiOneInterface_NoIpv6Warning()
    {
        var sample = Sample("ami-0123456789abcdef0", "aws-pcs-sample_ami-al2023-x86_64-slurm-25.11-20260219", "x86_64", 10);

        Assert.DoesNotContain(Check(new PreflightInput(Slurm2511, sample, X86, NetworkInterfaceCount: 1, Ipv6OnlySubnets: true)).Warnings,
            w => w.Rule == AmiPreflight.SampleIpv6);
    }

    [Fact]
    public void Check_SampleAmiOfAnotherVersion_ReadFromItsName()
    {
        var sample = Sample("ami-0123456789abcdef0", "aws-pcs-sample_ami-amzn2-x86_64-slurm-25.05-20260101", "x86_64", 60);

        var result = Check(new PreflightInput(Slurm2511, sample, X86));

        Assert.True(result.Passed);
        Assert.Equal(new SlurmVersion(25, 5), result.SlurmVersionRun);
    }

    [Fact]
    public void Check_SeveralProblems_EveryRefusalListed()
    {
        var result = Check(new PreflightInput(Slurm2511, Team("23.11", arch: "arm64") with { State = "failed" }, X86, LaunchTemplateName: "pcs-x-do-not-delete"));

        Assert.Equal([AmiPreflight.SlurmCompatibility, AmiPreflight.Architecture, AmiPreflight.ImageState, AmiPreflight.ManagedLaunchTemplate],
            result.Refusals.Select(r => r.Rule));
        Assert.All(result.Refusals, r => Assert.StartsWith("guide L", r.Guide, StringComparison.Ordinal));
    }
}
