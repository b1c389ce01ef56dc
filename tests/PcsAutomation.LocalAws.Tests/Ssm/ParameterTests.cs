using Amazon.EC2.Model;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.Tests.Ec2;

namespace PcsAutomation.LocalAws.Tests.Ssm;

public class ParameterTests
{
    [Theory]
    [InlineData("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64", "x86_64")]
    [InlineData("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64", "arm64")]
    [InlineData("/aws/service/deeplearning/ami/x86_64/base-oss-nvidia-driver-gpu-amazon-linux-2023/latest/ami-id", "x86_64")] // guide L6004
    [InlineData("/aws/service/deeplearning/ami/arm64/base-oss-nvidia-driver-gpu-amazon-linux-2023/latest/ami-id", "arm64")]
    public async Task GetParameter_PublicAmiParameter_ImageDescribableWithThatArchitecture(string name, string architecture)
    {
        await using var account = await SdkAccount.StartAsync();

        var parameter = (await account.Ssm.GetParameterAsync(new GetParameterRequest { Name = name })).Parameter;
        var image = Assert.Single((await account.Ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [parameter.Value] })).Images);

        Assert.Equal(ParameterType.String, parameter.Type);
        Assert.Equal("aws:ec2:image", parameter.DataType);
        Assert.Equal($"arn:aws:ssm:us-east-1::parameter{name}", parameter.ARN);
        Assert.Equal(architecture, image.Architecture.Value);
        Assert.Equal("amazon", image.ImageOwnerAlias);
    }

    [Fact]
    public async Task GetParameter_Unknown_ParameterNotFound()
    {
        await using var account = await SdkAccount.StartAsync();

        var error = await Assert.ThrowsAsync<ParameterNotFoundException>(() =>
            account.Ssm.GetParameterAsync(new GetParameterRequest { Name = "/team/pcs/ami" }));

        Assert.Equal("ParameterNotFound", error.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task GetParameters_KnownAndUnknownNames_UnknownInInvalidParameters()
    {
        var scenario = Scenario.Empty().WithImage("team-ami").WithParameter("/team/pcs/ami", image: "team-ami");
        await using var account = await SdkAccount.StartAsync(scenario);

        var response = await account.Ssm.GetParametersAsync(new GetParametersRequest
        {
            Names = ["/team/pcs/ami", "/team/missing", "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"],
        });

        Assert.Equal(["/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64", "/team/pcs/ami"],
            response.Parameters.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["/team/missing"], response.InvalidParameters);
        var teamImage = account.Aws.State.Images.Values.Single(i => i.Name == "team-ami");
        Assert.Equal(teamImage.ImageId, response.Parameters.Single(p => p.Name == "/team/pcs/ami").Value);
    }

    [Fact] // conventions: no secret value in any log line or output; CloudTrail never shows parameter values
    public async Task PutParameter_SecureString_ValueOnlyWithDecryptionAndNeverInCloudTrail()
    {
        await using var account = await SdkAccount.StartAsync();
        const string secret = "s3cr3t-value-for-the-test";

        var put = await account.Ssm.PutParameterAsync(new PutParameterRequest { Name = "/team/token", Value = secret, Type = ParameterType.SecureString });
        var hidden = (await account.Ssm.GetParameterAsync(new GetParameterRequest { Name = "/team/token" })).Parameter;
        var shown = (await account.Ssm.GetParameterAsync(new GetParameterRequest { Name = "/team/token", WithDecryption = true })).Parameter;

        Assert.Equal(1, put.Version);
        Assert.NotEqual(secret, hidden.Value);
        Assert.Equal(secret, shown.Value);
        var trail = account.Aws.CloudTrail.Events.Single(e => e["detail"]!["eventName"]!.GetValue<string>() == "PutParameter");
        Assert.Equal("/team/token", trail["detail"]!["requestParameters"]!["Name"]!.GetValue<string>());
        Assert.DoesNotContain(secret, trail.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutParameter_ExistingWithoutOverwrite_ParameterAlreadyExists()
    {
        await using var account = await SdkAccount.StartAsync();
        await account.Ssm.PutParameterAsync(new PutParameterRequest { Name = "/team/ami", Value = "ami-1", Type = ParameterType.String });

        await Assert.ThrowsAsync<ParameterAlreadyExistsException>(() =>
            account.Ssm.PutParameterAsync(new PutParameterRequest { Name = "/team/ami", Value = "ami-2" }));
        var overwritten = await account.Ssm.PutParameterAsync(new PutParameterRequest { Name = "/team/ami", Value = "ami-2", Overwrite = true });

        Assert.Equal(2, overwritten.Version);
        Assert.Equal("ami-2", (await account.Ssm.GetParameterAsync(new GetParameterRequest { Name = "/team/ami" })).Parameter.Value);
    }

    [Fact]
    public async Task PutParameter_ReservedAwsPrefix_ValidationAndPublicValueUnchanged()
    {
        await using var account = await SdkAccount.StartAsync();
        const string name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";
        var before = (await account.Ssm.GetParameterAsync(new GetParameterRequest { Name = name })).Parameter.Value;

        await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() =>
            account.Ssm.PutParameterAsync(new PutParameterRequest { Name = name, Value = "ami-evil", Overwrite = true }));

        Assert.Equal(before, (await account.Ssm.GetParameterAsync(new GetParameterRequest { Name = name })).Parameter.Value);
    }
}
