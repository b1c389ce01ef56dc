using Amazon.EC2;
using Amazon.EC2.Model;
using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.LocalAws.Tests.Ec2;

public class DescribeImagesTests
{
    private static DescribeImagesRequest Query(string namePattern, bool includeDeprecated = false) => new()
    {
        Owners = ["amazon"],
        Filters = [new Filter("name", [namePattern]), new Filter("state", ["available"])],
        IncludeDeprecated = includeDeprecated,
    };

    [Theory] // guide L5587-5599: describe-images --owners amazon, name filter with a trailing *, state available; L5570: newest wins
    [InlineData("x86_64")]
    [InlineData("arm64")]
    public async Task DescribeImages_GuideQueryForSlurm2511_Al2023SampleAmisOfThatArchitecture(string arch)
    {
        await using var account = await SdkAccount.StartAsync();

        var images = (await account.Ec2.DescribeImagesAsync(Query($"aws-pcs-sample_ami-al2023-{arch}-slurm-25.11*"))).Images;

        Assert.Equal(2, images.Count);
        Assert.All(images, i => Assert.Equal(arch, i.Architecture.Value));
        Assert.All(images, i => Assert.StartsWith($"aws-pcs-sample_ami-al2023-{arch}-slurm-25.11-", i.Name, StringComparison.Ordinal));
        Assert.All(images, i => Assert.Equal("amazon", i.ImageOwnerAlias));
        var newest = images.OrderBy(i => i.CreationDate, StringComparer.Ordinal).Last();
        Assert.Contains("EFA installer 1.47.0", newest.Description, StringComparison.Ordinal); // guide L6125-6145 release notes
    }

    [Fact] // guide L5574: Slurm 25.05 and 24.11 sample AMIs use amzn2
    public async Task DescribeImages_Slurm2505Pattern_Amzn2ImagesOfBothArchitectures()
    {
        await using var account = await SdkAccount.StartAsync();

        var images = (await account.Ec2.DescribeImagesAsync(Query("aws-pcs-sample_ami-amzn2-*-slurm-25.05*"))).Images;

        Assert.Equal(["arm64", "x86_64"], images.Select(i => i.Architecture.Value).Order(StringComparer.Ordinal));
        Assert.Empty((await account.Ec2.DescribeImagesAsync(Query("aws-pcs-sample_ami-al2023-*-slurm-25.05*"))).Images ?? []);
    }

    [Fact] // guide L5537-5545 (naming), L5574 and L826 (amzn2 up to 25.05), L6129-6328 (every published name)
    public async Task DescribeImages_EveryPublicSampleAmi_NamedAsTheGuideSays()
    {
        await using var account = await SdkAccount.StartAsync();

        var samples = (await account.Ec2.DescribeImagesAsync(new DescribeImagesRequest
        {
            Owners = ["amazon"],
            Filters = [new Filter("name", ["aws-pcs-sample_ami-*"])],
            IncludeDeprecated = true,
        })).Images;
        var byDescription = (await account.Ec2.DescribeImagesAsync(new DescribeImagesRequest
        {
            Owners = ["amazon"],
            Filters = [new Filter("description", ["*PCS*"])],
            IncludeDeprecated = true,
        })).Images;

        Assert.NotEmpty(samples);
        Assert.Equal(samples.Select(i => i.ImageId).Order(StringComparer.Ordinal), byDescription.Select(i => i.ImageId).Order(StringComparer.Ordinal));
        var names = samples.Select(i => System.Text.RegularExpressions.Regex.Match(i.Name,
            "^aws-pcs-sample_ami-(?<os>al2023|amzn2)-(?<arch>x86_64|arm64)-slurm-(?<slurm>[0-9]{2}\\.[0-9]{2})-[0-9]{8}$")).ToList();
        Assert.All(names, m => Assert.True(m.Success, m.Value));
        Assert.All(names, m => Assert.Equal(m.Groups["slurm"].Value == "25.11" ? "al2023" : "amzn2", m.Groups["os"].Value));
        Assert.Equal(["23.11", "24.05", "24.11", "25.05", "25.11"], names.Select(m => m.Groups["slurm"].Value).Distinct().Order(StringComparer.Ordinal));
        Assert.All(names.GroupBy(m => m.Groups["slurm"].Value), g => Assert.Equal(["arm64", "x86_64"], g.Select(m => m.Groups["arch"].Value).Distinct().Order(StringComparer.Ordinal)));
    }

    [Fact] // EC2 filter syntax: ? matches exactly one character
    public async Task DescribeImages_QuestionMarkWildcard_MatchesOneCharacter()
    {
        await using var account = await SdkAccount.StartAsync();

        var images = (await account.Ec2.DescribeImagesAsync(Query("aws-pcs-sample_ami-al2023-arm64-slurm-25.11-202512??"))).Images;
        var tooShort = (await account.Ec2.DescribeImagesAsync(Query("aws-pcs-sample_ami-al2023-arm64-slurm-25.11-202512?"))).Images ?? [];

        Assert.Equal("aws-pcs-sample_ami-al2023-arm64-slurm-25.11-20251226", Assert.Single(images).Name);
        Assert.Empty(tooShort);
    }

    [Fact]
    public async Task DescribeImages_DeprecationTimePassesOnVirtualClock_HiddenUnlessIncludeDeprecated()
    {
        // Published by another account: an owner sees its own deprecated AMIs whatever IncludeDeprecated says.
        var scenario = Scenario.Empty()
            .WithImage("vendor-pcs-25.11-v1", owner: "amazon", created: "-30d", deprecated: "+7d")
            .WithImage("vendor-pcs-25.11-v2", owner: "amazon");
        await using var account = await SdkAccount.StartAsync(scenario);

        account.Advance(TimeSpan.FromDays(8));

        var visible = (await account.Ec2.DescribeImagesAsync(Query("vendor-pcs-25.11*"))).Images;
        var all = (await account.Ec2.DescribeImagesAsync(Query("vendor-pcs-25.11*", includeDeprecated: true))).Images;
        Assert.Equal("vendor-pcs-25.11-v2", Assert.Single(visible).Name);
        Assert.Equal(2, all.Count);
        var deprecated = Assert.Single(all, i => i.DeprecationTime is not null);
        Assert.Equal(new DateTime(2026, 1, 12, 8, 0, 0, DateTimeKind.Utc), DateTime.Parse(deprecated.DeprecationTime, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal));
    }

    [Fact]
    public async Task DescribeImages_ByIdDeprecated_StillReturned()
    {
        await using var account = await SdkAccount.StartAsync(Scenario.Empty().WithImage("team-old", created: "-90d", deprecated: "-1d"));
        var all = (await account.Ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"], IncludeDeprecated = true })).Images;

        var byId = (await account.Ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [all[0].ImageId] })).Images;

        Assert.Equal(all[0].ImageId, Assert.Single(byId).ImageId);
        Assert.NotNull(byId[0].DeprecationTime);
    }

    [Fact]
    public async Task DescribeImages_UnknownImageId_InvalidAmiIdNotFound()
    {
        await using var account = await SdkAccount.StartAsync();

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            account.Ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = ["ami-0000000000000dead"] }));

        Assert.Equal("InvalidAMIID.NotFound", error.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("ami-0000000000000dead", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeImages_OwnerSelfAndTagFilter_OnlyTheAccountsTaggedImage()
    {
        var scenario = Scenario.Empty().WithImage("team-pcs-25.11-v3", "team image, Slurm 25.11").WithImage("team-other");
        scenario.Build().Images[0].Tags["pcs-automation:channel"] = "stable";
        await using var account = await SdkAccount.StartAsync(scenario);

        var own = (await account.Ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"] })).Images;
        var tagged = (await account.Ec2.DescribeImagesAsync(new DescribeImagesRequest
        {
            Owners = ["self"],
            Filters = [new Filter("tag:pcs-automation:channel", ["stable"])],
        })).Images;

        Assert.Equal(["team-other", "team-pcs-25.11-v3"], own.Select(i => i.Name).Order(StringComparer.Ordinal));
        Assert.All(own, i => Assert.Equal("111122223333", i.OwnerId));
        Assert.Equal("stable", Assert.Single(tagged).Tags.Single().Value);
    }

    [Fact]
    public async Task DescribeImages_MaxResults_PagesCoverEveryImageOnce()
    {
        await using var account = await SdkAccount.StartAsync();
        var expected = (await account.Ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["amazon"] })).Images.Select(i => i.ImageId).ToList();

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await account.Ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["amazon"], MaxResults = 3, NextToken = token });
            seen.AddRange(page.Images.Select(i => i.ImageId));
            token = page.NextToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(expected, seen);
        Assert.Equal((expected.Count + 2) / 3, pages);
    }

    [Fact]
    public async Task DescribeImages_UnknownFilterName_InvalidParameterValue()
    {
        await using var account = await SdkAccount.StartAsync();

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => account.Ec2.DescribeImagesAsync(new DescribeImagesRequest
        {
            Filters = [new Filter("colour", ["blue"])],
        }));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
    }

    [Fact]
    public async Task DescribeImages_MalformedImageId_InvalidAmiIdMalformed()
    {
        await using var account = await SdkAccount.StartAsync();

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            account.Ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = ["ami-not-hex"] }));

        Assert.Equal("InvalidAMIID.Malformed", error.ErrorCode);
    }

    [Fact]
    public async Task DescribeImages_ExecutableBy_AllMeansPublicSelfAddsOwnImages()
    {
        var scenario = Scenario.Empty().WithImage("team-image").WithImage("partner-image", owner: "444455556666");
        await using var account = await SdkAccount.StartAsync(scenario);

        var all = (await account.Ec2.DescribeImagesAsync(new DescribeImagesRequest { ExecutableUsers = ["all"] })).Images.Select(i => i.Name).ToList();
        var self = (await account.Ec2.DescribeImagesAsync(new DescribeImagesRequest { ExecutableUsers = ["self"] })).Images.Select(i => i.Name).ToList();

        Assert.Contains(all, n => n.StartsWith("aws-pcs-sample_ami-", StringComparison.Ordinal));
        Assert.DoesNotContain("team-image", all);
        Assert.Contains("team-image", self);
        Assert.DoesNotContain("partner-image", self);
    }

    [Fact] // guide L5589: state=available leaves a build still pending out; without the filter EC2 shows it
    public async Task DescribeImages_PendingImage_ShownUnlessStateFilter()
    {
        await using var account = await SdkAccount.StartAsync(Scenario.Empty()
            .WithImage("team-pcs-v1", created: "-3d")
            .WithImage("team-pcs-v2", created: "-1h", state: "pending"));

        var all = (await account.Ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"], Filters = [new Filter("name", ["team-pcs-*"])] })).Images;
        var available = (await account.Ec2.DescribeImagesAsync(new DescribeImagesRequest
        {
            Owners = ["self"],
            Filters = [new Filter("name", ["team-pcs-*"]), new Filter("state", ["available"])],
        })).Images;

        Assert.Equal(["available", "pending"], all.Select(i => i.State.Value).Order(StringComparer.Ordinal));
        Assert.Equal("team-pcs-v1", Assert.Single(available).Name);
    }

    [Fact] // IncludeDisabled: "Default: No disabled AMIs are included in the response"
    public async Task DescribeImages_DisabledImage_HiddenUnlessIncludeDisabled()
    {
        await using var account = await SdkAccount.StartAsync(Scenario.Empty().WithImage("team-old", state: "disabled").WithImage("team-new"));

        var visible = (await account.Ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"] })).Images;
        var all = (await account.Ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"], IncludeDisabled = true })).Images;

        Assert.Equal("team-new", Assert.Single(visible).Name);
        Assert.Equal(2, all.Count);
    }

    [Fact]
    public async Task DescribeImages_OwnerAccountId_OnlyThatAccountsImages()
    {
        await using var account = await SdkAccount.StartAsync(Scenario.Empty()
            .WithImage("aws-pcs-sample_ami-al2023-x86_64-slurm-25.11-29991231", owner: "444455556666")
            .WithImage("team-image"));

        var partner = (await account.Ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["444455556666"] })).Images;
        var amazon = (await account.Ec2.DescribeImagesAsync(Query("aws-pcs-sample_ami-al2023-x86_64-slurm-25.11*"))).Images;

        Assert.Equal("444455556666", Assert.Single(partner).OwnerId);
        Assert.NotEmpty(amazon);
        Assert.DoesNotContain(amazon, i => i.OwnerId == "444455556666"); // a look-alike name from another owner is not amazon's
    }

    [Fact]
    public async Task DescribeImages_ScenarioTagsAndState_RenderedAsEc2Does()
    {
        await using var account = await SdkAccount.StartAsync(Scenario.Empty().WithImage("team-pcs-v3", "Slurm 25.11", state: "failed",
            tags: new Dictionary<string, string> { ["pcs-automation:slurm-versions"] = "25.05,25.11" }, id: "ami-0123456789abcdef0"));

        var image = Assert.Single((await account.Ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = ["ami-0123456789abcdef0"] })).Images);

        Assert.Equal(("failed", "Slurm 25.11"), (image.State.Value, image.Description));
        Assert.Equal(("pcs-automation:slurm-versions", "25.05,25.11"), (Assert.Single(image.Tags).Key, image.Tags[0].Value));
    }
}
