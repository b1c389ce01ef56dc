using System.Net;
using System.Xml.Linq;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using PcsAutomation.LocalAws.Faults;

namespace PcsAutomation.LocalAws.Tests.Ec2;

public class QueryProtocolTests
{
    [Fact]
    public async Task Ec2Request_WrongSecretKey_RejectedWith403()
    {
        await using var account = await SdkAccount.StartAsync();
        using var client = new AmazonEC2Client(new BasicAWSCredentials(LocalAwsOptions.TestAccessKeyId, "wrong-secret"),
            new AmazonEC2Config { ServiceURL = account.Aws.Endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => client.DescribeImagesAsync(new DescribeImagesRequest()));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("InvalidSignatureException", error.ErrorCode);
    }

    [Theory] // what an AMI roll-out reads: the group's instances and the images
    [InlineData("DescribeInstances")]
    [InlineData("DescribeImages")]
    public async Task Ec2Request_InjectedThrottling_RequestLimitExceeded(string operation)
    {
        await using var account = await SdkAccount.StartAsync();
        account.Aws.Faults.Add(new FaultRule("ec2", operation) { ThrottleRate = 1 });

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => operation == "DescribeImages"
            ? account.Ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["amazon"] })
            : account.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest()));

        Assert.Equal("RequestLimitExceeded", error.ErrorCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(503, Assert.Single(account.Aws.Calls.Of("ec2", operation)).Status);
    }

    [Fact] // https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html: each API its own bucket, RequestLimitExceeded
    public async Task Ec2Request_DocumentedRateLimit_101stDescribeInstancesAtOneInstantRequestLimitExceededOtherActionsPass()
    {
        await using var account = await SdkAccount.StartAsync();
        account.Aws.Faults.Limit(RateLimits.Ec2Documented);
        var filter = new DescribeInstancesRequest { Filters = [new Filter("instance-state-name", ["running"])] };
        for (var i = 0; i < 100; i++) await account.Ec2.DescribeInstancesAsync(filter);

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => account.Ec2.DescribeInstancesAsync(filter));
        await account.Ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"] });
        account.Advance(TimeSpan.FromSeconds(1)); // 20 tokens a second
        var afterOneSecond = 0;
        for (var i = 0; i < 25; i++)
        {
            try
            {
                await account.Ec2.DescribeInstancesAsync(filter);
                afterOneSecond++;
            }
            catch (AmazonEC2Exception e) when (e.ErrorCode == "RequestLimitExceeded")
            {
            }
        }

        Assert.Equal(("RequestLimitExceeded", HttpStatusCode.ServiceUnavailable), (error.ErrorCode, error.StatusCode));
        Assert.Equal(20, afterOneSecond);
    }

    [Fact]
    public async Task UnsignedForm_UnknownAction_InvalidActionXmlError()
    {
        await using var account = await SdkAccount.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsync(account.Aws.Endpoint, new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Action"] = "LaunchRockets", ["Version"] = "2016-11-15" }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode); // authentication comes first
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("MissingAuthenticationTokenException", xml.Descendants("Code").Single().Value);
        Assert.NotEmpty(xml.Descendants("RequestID").Single().Value);
    }

    [Fact]
    public async Task DescribeImages_InProcessCall_ResultUsesEc2ElementNames()
    {
        await using var account = await SdkAccount.StartAsync();

        var result = account.Aws.Call("ec2", "DescribeImages", new System.Text.Json.Nodes.JsonObject
        {
            ["Owner.1"] = "amazon",
            ["Filter.1.Name"] = "name",
            ["Filter.1.Value.1"] = "aws-pcs-sample_ami-amzn2-arm64-slurm-25.05*",
        });

        var image = Assert.Single(result["imagesSet"]!.AsArray())!;
        Assert.Equal("available", image["imageState"]!.GetValue<string>());
        var xml = XDocument.Parse(global::PcsAutomation.LocalAws.Ec2.Ec2Xml.Response("DescribeImages", result.AsObject(), "req-1"));
        Assert.Equal("http://ec2.amazonaws.com/doc/2016-11-15/", xml.Root!.Name.NamespaceName);
        Assert.Equal("DescribeImagesResponse", xml.Root.Name.LocalName);
    }

    [Fact]
    public async Task DescribeInstances_MaxResultsBelowFive_InvalidParameterValue()
    {
        await using var account = await SdkAccount.StartAsync();

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => account.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = 2 }));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
    }

    [Fact]
    public async Task CreateLaunchTemplateVersion_DryRun_DryRunOperationAndNothingCreated()
    {
        var scenario = PcsAutomation.LocalAws.Scenarios.Scenario.Empty()
            .WithLaunchTemplate("dry-lt", new PcsAutomation.LocalAws.Scenarios.LaunchTemplateVersionDefinition { ImageId = "ami-0aaaaaaaaaaaaaaa1" });
        await using var account = await SdkAccount.StartAsync(scenario);

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => account.Ec2.CreateLaunchTemplateVersionAsync(new CreateLaunchTemplateVersionRequest
        {
            LaunchTemplateName = "dry-lt", DryRun = true, LaunchTemplateData = new RequestLaunchTemplateData { ImageId = "ami-0bbbbbbbbbbbbbbb2" },
        }));

        Assert.Equal("DryRunOperation", error.ErrorCode);
        Assert.Single(account.Aws.State.LaunchTemplates.Values.Single().Versions);
    }
}
