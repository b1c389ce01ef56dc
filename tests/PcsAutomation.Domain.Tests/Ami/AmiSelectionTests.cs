using PcsAutomation.Domain.Ami;
using static PcsAutomation.Domain.Tests.Ami.Images;

namespace PcsAutomation.Domain.Tests.Ami;

public class AmiSelectionTests
{
    private static readonly SlurmVersion Slurm2511 = new(25, 11);

    // Both OS names, several Slurm versions and both architectures, deprecated, pending and look-alike images from other owners.
    private static readonly AmiImage[] Catalogue =
    [
        Sample("ami-0000000000000a001", "aws-pcs-sample_ami-al2023-x86_64-slurm-25.11-20260219", "x86_64", 10),
        Sample("ami-0000000000000a002", "aws-pcs-sample_ami-al2023-x86_64-slurm-25.11-20260115", "x86_64", 45),
        Sample("ami-0000000000000a003", "aws-pcs-sample_ami-al2023-x86_64-slurm-25.11-20260227", "x86_64", 2, deprecated: Now.AddHours(-1)),
        Sample("ami-0000000000000a004", "aws-pcs-sample_ami-al2023-x86_64-slurm-25.11-20260301", "x86_64", 0, state: "pending"),
        Sample("ami-0000000000000a005", "aws-pcs-sample_ami-al2023-x86_64-slurm-25.11-20260228", "x86_64", 1, ownerId: "444455556666", alias: null),
        Sample("ami-0000000000000a006", "aws-pcs-sample_ami-al2023-x86_64-slurm-25.110-20260228", "x86_64", 1),
        Sample("ami-0000000000000a007", "aws-pcs-sample_ami-al2023-arm64-slurm-25.11-20260219", "arm64", 9),
        Sample("ami-0000000000000a008", "aws-pcs-sample_ami-amzn2-x86_64-slurm-25.05-20260101", "x86_64", 60),
        Sample("ami-0000000000000a009", "aws-pcs-sample_ami-amzn2-x86_64-slurm-25.11-20260226", "x86_64", 3),
        Sample("ami-0000000000000a00a", "aws-pcs-sample_ami-al2023-x86_64-slurm-25.11-20260226", "x86_64", 3, deprecated: Now.AddDays(1)),
    ];

    private static AmiQuery SampleQuery(string arch = "x86_64", string slurm = "25.11") => new(AmiChannel.Sample, SlurmVersion.Parse(slurm), arch, Account);

    private static AmiRejection RejectionOf(AmiSelectionResult result, string id) => Assert.Single(result.Rejected, r => r.ImageId == id);

    [Fact] // guide L5570 newest wins, L5580-5599 the lookup, L5574 al2023 from 25.11
    public void Select_SampleCatalogue_NewestEligibleAl2023AndAReasonForEveryOther()
    {
        var result = AmiSelection.Select(SampleQuery(), Catalogue, Now);

        // a00a: deprecation still in the future; a004 pending, a003 deprecated, a005 another owner, a006 a look-alike.
        Assert.Equal("ami-0000000000000a00a", result.Chosen?.ImageId);
        Assert.Contains("newest CreationDate among 3 eligible PCS sample AMIs aws-pcs-sample_ami-al2023-x86_64-slurm-25.11* owned by amazon", result.Rule, StringComparison.Ordinal);
        Assert.Equal(Catalogue.Length - 1, result.Rejected.Count);
        Assert.Equal(AmiRules.Older, RejectionOf(result, "ami-0000000000000a001").Rule);
        Assert.Equal(AmiRules.Older, RejectionOf(result, "ami-0000000000000a002").Rule);
        Assert.Contains("before ami-0000000000000a00a", RejectionOf(result, "ami-0000000000000a002").Reason, StringComparison.Ordinal);
        Assert.Equal(AmiRules.Deprecated, RejectionOf(result, "ami-0000000000000a003").Rule);
        Assert.Equal(AmiRules.State, RejectionOf(result, "ami-0000000000000a004").Rule);
        Assert.Contains("state pending", RejectionOf(result, "ami-0000000000000a004").Reason, StringComparison.Ordinal);
        Assert.Equal(AmiRules.Owner, RejectionOf(result, "ami-0000000000000a005").Rule);
        Assert.Contains("owner 444455556666, not amazon", RejectionOf(result, "ami-0000000000000a005").Reason, StringComparison.Ordinal);
        Assert.Equal(AmiRules.Name, RejectionOf(result, "ami-0000000000000a006").Rule);
        Assert.Contains("look-alike", RejectionOf(result, "ami-0000000000000a006").Reason, StringComparison.Ordinal);
        // a007 fails both name (other arch in the name) and architecture: every reason is given, the first rule named.
        Assert.Equal(AmiRules.Name, RejectionOf(result, "ami-0000000000000a007").Rule);
        Assert.Contains("architecture arm64, not x86_64", RejectionOf(result, "ami-0000000000000a007").Reason, StringComparison.Ordinal);
        Assert.Equal(AmiRules.Name, RejectionOf(result, "ami-0000000000000a009").Rule); // amzn2 is not the 25.11 OS
    }

    [Fact]
    public void Select_SampleChosen_SaysDemonstrationOnly()
    {
        var result = AmiSelection.Select(SampleQuery(), Catalogue, Now);

        Assert.Contains(result.Notes, n => n.Contains("demonstration only", StringComparison.Ordinal) && n.Contains("L5522-5524", StringComparison.Ordinal));
        Assert.Equal([Slurm2511], result.ChosenSlurmVersions!.Versions);
        Assert.Equal("name", result.ChosenSlurmVersions.Source);
    }

    [Theory] // guide L5574: 25.05 and older on amzn2
    [InlineData("x86_64", "25.05", "ami-0000000000000a008")]
    [InlineData("arm64", "25.11", "ami-0000000000000a007")]
    public void Select_OtherVersionOrArchitecture_ItsOwnImage(string arch, string slurm, string expected) =>
        Assert.Equal(expected, AmiSelection.Select(SampleQuery(arch, slurm), Catalogue, Now).Chosen?.ImageId);

    [Fact]
    public void Select_NothingEligible_NoChoiceAndEveryReason()
    {
        var result = AmiSelection.Select(SampleQuery("arm64", "24.11"), Catalogue, Now);

        Assert.False(result.Found);
        Assert.StartsWith($"none of the {Catalogue.Length} images found", result.Rule, StringComparison.Ordinal);
        Assert.Equal(Catalogue.Length, result.Rejected.Count);
        Assert.DoesNotContain(result.Notes, n => n.Contains("demonstration", StringComparison.Ordinal));
    }

    [Fact]
    public void Select_NoCandidates_SaysNothingWasFound()
    {
        var result = AmiSelection.Select(SampleQuery(), [], Now);

        Assert.Null(result.Chosen);
        Assert.StartsWith("no image found for PCS sample AMIs aws-pcs-sample_ami-al2023-x86_64-slurm-25.11*", result.Rule, StringComparison.Ordinal);
    }

    [Fact] // guide L5776-5778: one AMI may hold several Slurm versions
    public void Select_CustomChannel_SlurmVersionsFromTagOrDescription()
    {
        var channel = AmiChannelParser.Parse("custom:team-pcs-*");
        AmiImage[] images =
        [
            Own("ami-0000000000000b001", "team-pcs-v1", ageDays: 30, tags: SlurmTag("25.05,25.11")),
            Own("ami-0000000000000b002", "team-pcs-v2", ageDays: 5, description: "team image, Slurm 25.05 and 25.11"),
            Own("ami-0000000000000b003", "team-pcs-v3", ageDays: 2, tags: SlurmTag("24.11,25.05")),
            Own("ami-0000000000000b004", "team-pcs-v4", ageDays: 1),
            Own("ami-0000000000000b005", "team-pcs-v5", ageDays: 1, tags: SlurmTag("25.11, latest")),
            Own("ami-0000000000000b006", "team-pcs-v6", ageDays: 0, tags: SlurmTag("25.11"), ownerId: "444455556666"),
            Own("ami-0000000000000b007", "other-pcs-v7", ageDays: 0, tags: SlurmTag("25.11")),
            Own("ami-0000000000000b008", "team-pcs-v8", arch: "arm64", ageDays: 0, tags: SlurmTag("25.11")),
        ];

        var result = AmiSelection.Select(new AmiQuery(channel, Slurm2511, "x86_64", Account), images, Now);

        Assert.Equal("ami-0000000000000b002", result.Chosen?.ImageId);
        Assert.Equal("description", result.ChosenSlurmVersions!.Source);
        Assert.Equal([new SlurmVersion(25, 5), Slurm2511], result.ChosenSlurmVersions.Versions);
        Assert.Contains("holds Slurm 24.11, 25.05 (from its tag pcs-automation:slurm-versions), not 25.11", RejectionOf(result, "ami-0000000000000b003").Reason, StringComparison.Ordinal);
        Assert.Contains("declares no Slurm version", RejectionOf(result, "ami-0000000000000b004").Reason, StringComparison.Ordinal);
        Assert.Contains("tag pcs-automation:slurm-versions '25.11, latest' is not", RejectionOf(result, "ami-0000000000000b005").Reason, StringComparison.Ordinal);
        Assert.Contains("not this account 111122223333", RejectionOf(result, "ami-0000000000000b006").Reason, StringComparison.Ordinal);
        Assert.Contains("does not match team-pcs-*", RejectionOf(result, "ami-0000000000000b007").Reason, StringComparison.Ordinal);
        Assert.Equal(AmiRules.Architecture, RejectionOf(result, "ami-0000000000000b008").Rule);
        Assert.Equal(AmiRules.Older, RejectionOf(result, "ami-0000000000000b001").Rule);
        Assert.DoesNotContain(result.Notes, n => n.Contains("demonstration", StringComparison.Ordinal));
    }

    [Fact]
    public void Select_TagChannel_OnlyImagesCarryingTheValue()
    {
        var channel = AmiChannelParser.Parse("tag:pcs-automation:channel=stable");
        var stable = new Dictionary<string, string>(SlurmTag("25.11")) { ["pcs-automation:channel"] = "stable" };
        var beta = new Dictionary<string, string>(SlurmTag("25.11")) { ["pcs-automation:channel"] = "beta" };

        var result = AmiSelection.Select(new AmiQuery(channel, Slurm2511, "x86_64"),
            [Own("ami-0000000000000c001", "a", ageDays: 3, tags: stable), Own("ami-0000000000000c002", "b", ageDays: 1, tags: beta)], Now);

        Assert.Equal("ami-0000000000000c001", result.Chosen?.ImageId);
        Assert.Contains("tag pcs-automation:channel is 'beta', not 'stable'", RejectionOf(result, "ami-0000000000000c002").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_SsmChannel_OnlyTheParametersImageAndStillChecked()
    {
        var channel = AmiChannelParser.Parse("ssm:/team/pcs/ami");
        var image = Own("ami-0000000000000d001", "team-pcs", ageDays: 3, tags: SlurmTag("25.11"), ownerId: "444455556666");
        var other = Own("ami-0000000000000d002", "team-pcs-new", ageDays: 1, tags: SlurmTag("25.11"));

        var ok = AmiSelection.Select(new AmiQuery(channel, Slurm2511, "x86_64", Account), [image, other], Now, parameterValue: image.ImageId);
        var wrongArch = AmiSelection.Select(new AmiQuery(channel, Slurm2511, "arm64", Account), [image], Now, parameterValue: image.ImageId);

        Assert.Equal(image.ImageId, ok.Chosen?.ImageId); // the parameter names the image, whoever owns it
        Assert.Contains("the AMI SSM parameter /team/pcs/ami holds", ok.Rule, StringComparison.Ordinal);
        Assert.Equal(AmiRules.ImageId, RejectionOf(ok, other.ImageId).Rule);
        Assert.False(wrongArch.Found);
        Assert.Equal(AmiRules.Architecture, RejectionOf(wrongArch, image.ImageId).Rule);
    }

    [Fact]
    public void Select_EqualCreationDates_GreaterImageIdWhateverTheOrder()
    {
        var channel = AmiChannelParser.Parse("custom:t*");
        var a = Own("ami-0000000000000e001", "ta", ageDays: 1, tags: SlurmTag("25.11"));
        var b = Own("ami-0000000000000e002", "tb", ageDays: 1, tags: SlurmTag("25.11"));

        var forward = AmiSelection.Select(new AmiQuery(channel, Slurm2511, "x86_64"), [a, b], Now);
        var backward = AmiSelection.Select(new AmiQuery(channel, Slurm2511, "x86_64"), [b, a], Now);

        Assert.Equal(b.ImageId, forward.Chosen?.ImageId);
        Assert.Equal(b.ImageId, backward.Chosen?.ImageId);
        Assert.Contains("the same time as", RejectionOf(forward, a.ImageId).Reason, StringComparison.Ordinal);
    }

    [Theory] // guide L6441-6454
    [InlineData("24.11", "2026-06-01T00:00:00Z", "reached its PCS end of life on 2026-05-31")]
    [InlineData("24.11", "2026-03-01T00:00:00Z", "reaches its PCS end of life on 2026-05-31")]
    [InlineData("26.05", "2026-03-01T00:00:00Z", "not in this automation's release data")]
    public void Select_SlurmNearOrPastEndOfLife_Noted(string slurm, string now, string expected)
    {
        var result = AmiSelection.Select(SampleQuery(slurm: slurm), [], DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Contains(result.Notes, n => n.Contains(expected, StringComparison.Ordinal));
    }
}
