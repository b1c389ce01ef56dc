using Amazon.EC2;
using Amazon.EC2.Model;

namespace PcsAutomation.LocalAws.Tests.Ec2;

public class InstanceTypeTests
{
    [Theory]
    [InlineData("c7g.large", "arm64", 2)]
    [InlineData("hpc7g.16xlarge", "arm64", 64)]
    [InlineData("c6i.xlarge", "x86_64", 4)]
    [InlineData("hpc6a.48xlarge", "x86_64", 96)]
    [InlineData("t4g.medium", "arm64", 2)]
    [InlineData("t3.medium", "x86_64", 2)]
    [InlineData("p6e-gb200.36xlarge", "arm64", 144)]
    public async Task DescribeInstanceTypes_KnownType_ArchitectureAndVCpus(string type, string architecture, int vcpus)
    {
        await using var account = await SdkAccount.StartAsync();

        var info = Assert.Single((await account.Ec2.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { InstanceTypes = [type] })).InstanceTypes);

        Assert.Equal([architecture], info.ProcessorInfo.SupportedArchitectures);
        Assert.Equal(vcpus, info.VCpuInfo.DefaultVCpus);
        Assert.True(info.MemoryInfo.SizeInMiB > 0);
    }

    [Fact]
    public async Task DescribeInstanceTypes_P5_EightH100Gpus()
    {
        await using var account = await SdkAccount.StartAsync();

        var info = Assert.Single((await account.Ec2.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { InstanceTypes = ["p5.48xlarge"] })).InstanceTypes);

        var gpu = Assert.Single(info.GpuInfo.Gpus);
        Assert.Equal(("H100", 8), (gpu.Name, gpu.Count!.Value));
        Assert.True(info.NetworkInfo.EfaSupported);
    }

    [Fact]
    public async Task DescribeInstanceTypes_ArchitectureFilter_OnlyArm64Types()
    {
        await using var account = await SdkAccount.StartAsync();

        var types = (await account.Ec2.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest
        {
            Filters = [new Filter("processor-info.supported-architecture", ["arm64"])],
        })).InstanceTypes.Select(t => t.InstanceType.Value).ToList();

        Assert.Contains("hpc7g.16xlarge", types);
        Assert.Contains("t4g.micro", types);
        Assert.DoesNotContain("c6i.xlarge", types);
    }

    [Fact]
    public async Task DescribeInstanceTypes_UnknownType_InvalidInstanceType()
    {
        await using var account = await SdkAccount.StartAsync();

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            account.Ec2.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { InstanceTypes = ["c6i.xlarge", "z9.huge"] }));

        Assert.Equal("InvalidInstanceType", error.ErrorCode);
        Assert.Contains("z9.huge", error.Message, StringComparison.Ordinal);
    }
}
