using Amazon.EC2;
using Amazon.EC2.Model;
using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.LocalAws.Tests.Ec2;

public class LaunchTemplateTests
{
    private static Scenario Templates() =>
        Scenario.Empty()
            .WithLaunchTemplate("login-lt", new LaunchTemplateVersionDefinition { ImageId = "ami-0aaaaaaaaaaaaaaa1", InstanceType = "c6i.xlarge" })
            .WithLaunchTemplate("compute-lt",
                new LaunchTemplateVersionDefinition { ImageId = "ami-0aaaaaaaaaaaaaaa1", InstanceType = "c6i.xlarge" },
                new LaunchTemplateVersionDefinition { ImageId = "ami-0bbbbbbbbbbbbbbb2", InstanceType = "c6i.2xlarge", Description = "newer sample AMI" });

    [Fact]
    public async Task DescribeLaunchTemplates_ByName_DefaultAndLatestVersionNumbers()
    {
        await using var account = await SdkAccount.StartAsync(Templates());

        var all = (await account.Ec2.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest())).LaunchTemplates;
        var compute = Assert.Single((await account.Ec2.DescribeLaunchTemplatesAsync(
            new DescribeLaunchTemplatesRequest { LaunchTemplateNames = ["compute-lt"] })).LaunchTemplates);

        Assert.Equal(2, all.Count);
        Assert.Equal((1L, 2L), (compute.DefaultVersionNumber!.Value, compute.LatestVersionNumber!.Value));
        Assert.Matches("^lt-[0-9a-f]{17}$", compute.LaunchTemplateId);
    }

    [Fact]
    public async Task DescribeLaunchTemplates_UnknownName_NotFoundError()
    {
        await using var account = await SdkAccount.StartAsync(Templates());

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => account.Ec2.DescribeLaunchTemplatesAsync(
            new DescribeLaunchTemplatesRequest { LaunchTemplateNames = ["nope"] }));

        Assert.Equal("InvalidLaunchTemplateName.NotFoundException", error.ErrorCode);
    }

    [Theory]
    [InlineData("$Latest", 2, "ami-0bbbbbbbbbbbbbbb2")]
    [InlineData("$Default", 1, "ami-0aaaaaaaaaaaaaaa1")]
    [InlineData("2", 2, "ami-0bbbbbbbbbbbbbbb2")]
    public async Task DescribeLaunchTemplateVersions_VersionSelector_ThatVersionsData(string selector, long number, string imageId)
    {
        await using var account = await SdkAccount.StartAsync(Templates());

        var version = Assert.Single((await account.Ec2.DescribeLaunchTemplateVersionsAsync(new DescribeLaunchTemplateVersionsRequest
        {
            LaunchTemplateName = "compute-lt",
            Versions = [selector],
        })).LaunchTemplateVersions);

        Assert.Equal(number, version.VersionNumber);
        Assert.Equal(imageId, version.LaunchTemplateData.ImageId);
        Assert.Equal(number == 1, version.DefaultVersion);
    }

    [Fact]
    public async Task DescribeLaunchTemplateVersions_NoSelector_AllNewestFirst()
    {
        await using var account = await SdkAccount.StartAsync(Templates());

        var versions = (await account.Ec2.DescribeLaunchTemplateVersionsAsync(
            new DescribeLaunchTemplateVersionsRequest { LaunchTemplateName = "compute-lt" })).LaunchTemplateVersions;

        Assert.Equal([2L, 1L], versions.Select(v => v.VersionNumber!.Value));
        Assert.Equal("c6i.2xlarge", versions[0].LaunchTemplateData.InstanceType.Value);
        Assert.Equal("newer sample AMI", versions[0].VersionDescription);
    }

    [Fact]
    public async Task DescribeLaunchTemplateVersions_UnknownVersion_VersionNotFound()
    {
        await using var account = await SdkAccount.StartAsync(Templates());

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => account.Ec2.DescribeLaunchTemplateVersionsAsync(
            new DescribeLaunchTemplateVersionsRequest { LaunchTemplateName = "compute-lt", Versions = ["9"] }));

        Assert.Equal("InvalidLaunchTemplateId.VersionNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task CreateLaunchTemplateVersion_FromSourceVersion_CopiesDataAndOverridesImage()
    {
        await using var account = await SdkAccount.StartAsync(Templates());
        var userData = Convert.ToBase64String("#!/bin/bash\necho hello"u8.ToArray());

        var created = (await account.Ec2.CreateLaunchTemplateVersionAsync(new CreateLaunchTemplateVersionRequest
        {
            LaunchTemplateName = "compute-lt",
            SourceVersion = "1",
            VersionDescription = "AMI rollout",
            LaunchTemplateData = new RequestLaunchTemplateData
            {
                ImageId = "ami-0ddddddddddddddd4",
                UserData = userData,
                TagSpecifications = [new LaunchTemplateTagSpecificationRequest { ResourceType = ResourceType.Instance, Tags = [new Tag("team", "hpc")] }],
            },
        })).LaunchTemplateVersion;

        Assert.Equal(3, created.VersionNumber);
        Assert.False(created.DefaultVersion);
        var latest = Assert.Single((await account.Ec2.DescribeLaunchTemplateVersionsAsync(new DescribeLaunchTemplateVersionsRequest
        {
            LaunchTemplateName = "compute-lt",
            Versions = ["$Latest"],
        })).LaunchTemplateVersions);
        Assert.Equal("ami-0ddddddddddddddd4", latest.LaunchTemplateData.ImageId);
        Assert.Equal("c6i.xlarge", latest.LaunchTemplateData.InstanceType.Value); // from version 1
        Assert.Equal(userData, latest.LaunchTemplateData.UserData);
        var spec = Assert.Single(latest.LaunchTemplateData.TagSpecifications);
        Assert.Equal((ResourceType.Instance.Value, "team", "hpc"), (spec.ResourceType.Value, spec.Tags[0].Key, spec.Tags[0].Value));
    }

    [Fact]
    public async Task CreateLaunchTemplateVersion_SameClientToken_SameVersionAndOneCloudTrailEvent()
    {
        await using var account = await SdkAccount.StartAsync(Templates());
        var request = new CreateLaunchTemplateVersionRequest
        {
            LaunchTemplateName = "login-lt",
            ClientToken = "rollout-42",
            LaunchTemplateData = new RequestLaunchTemplateData { ImageId = "ami-0eeeeeeeeeeeeeee5", UserData = "c2VjcmV0LWluLXVzZXItZGF0YQ==" },
        };

        var first = await account.Ec2.CreateLaunchTemplateVersionAsync(request);
        var retry = await account.Ec2.CreateLaunchTemplateVersionAsync(request);

        Assert.Equal(2, first.LaunchTemplateVersion.VersionNumber);
        Assert.Equal(2, retry.LaunchTemplateVersion.VersionNumber);
        Assert.Equal(2, account.Aws.State.LaunchTemplates.Values.Single(t => t.LaunchTemplateName == "login-lt").Versions.Count);
        var events = account.Aws.CloudTrail.Events.Where(e => e["detail"]!["eventName"]!.GetValue<string>() == "CreateLaunchTemplateVersion").ToList();
        Assert.NotEmpty(events);
        var detail = events[0]["detail"]!;
        Assert.Equal(("aws.ec2", "ec2.amazonaws.com"), (events[0]["source"]!.GetValue<string>(), detail["eventSource"]!.GetValue<string>()));
        Assert.Equal("ami-0eeeeeeeeeeeeeee5", detail["requestParameters"]!["LaunchTemplateData.ImageId"]!.GetValue<string>());
        Assert.DoesNotContain("c2VjcmV0LWluLXVzZXItZGF0YQ==", events[0].ToJsonString(), StringComparison.Ordinal); // user data never in CloudTrail
    }

    [Fact]
    public async Task CreateLaunchTemplateVersion_TokenReusedWithOtherParameters_IdempotentParameterMismatch()
    {
        await using var account = await SdkAccount.StartAsync(Templates());
        await account.Ec2.CreateLaunchTemplateVersionAsync(new CreateLaunchTemplateVersionRequest
        {
            LaunchTemplateName = "login-lt", ClientToken = "t-1", LaunchTemplateData = new RequestLaunchTemplateData { ImageId = "ami-0eeeeeeeeeeeeeee5" },
        });

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => account.Ec2.CreateLaunchTemplateVersionAsync(new CreateLaunchTemplateVersionRequest
        {
            LaunchTemplateName = "login-lt", ClientToken = "t-1", LaunchTemplateData = new RequestLaunchTemplateData { ImageId = "ami-0fffffffffffffff6" },
        }));

        Assert.Equal("IdempotentParameterMismatch", error.ErrorCode);
        Assert.Equal(2, account.Aws.State.LaunchTemplates.Values.Single(t => t.LaunchTemplateName == "login-lt").Versions.Count);
    }

    [Fact]
    public async Task DescribeLaunchTemplateVersions_ResolveAlias_SsmImageResolved()
    {
        var scenario = Templates().WithLaunchTemplate("alias-lt", new LaunchTemplateVersionDefinition
        {
            ImageId = "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64",
            InstanceType = "c7g.large",
        });
        await using var account = await SdkAccount.StartAsync(scenario);

        var raw = Assert.Single((await account.Ec2.DescribeLaunchTemplateVersionsAsync(new DescribeLaunchTemplateVersionsRequest { LaunchTemplateName = "alias-lt" })).LaunchTemplateVersions);
        var resolved = Assert.Single((await account.Ec2.DescribeLaunchTemplateVersionsAsync(new DescribeLaunchTemplateVersionsRequest { LaunchTemplateName = "alias-lt", ResolveAlias = true })).LaunchTemplateVersions);

        Assert.StartsWith("resolve:ssm:", raw.LaunchTemplateData.ImageId, StringComparison.Ordinal);
        Assert.Equal(global::PcsAutomation.LocalAws.Ec2.ImageCatalogue.AmazonLinuxImageId("arm64"), resolved.LaunchTemplateData.ImageId);
    }
}
