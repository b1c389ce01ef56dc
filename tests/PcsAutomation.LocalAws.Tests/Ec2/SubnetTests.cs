using Amazon.EC2;
using Amazon.EC2.Model;
using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.LocalAws.Tests.Ec2;

/// <summary>DescribeSubnets through AWSSDK.EC2: the subnets the clusters and node groups name, in the Region's zone a.</summary>
public class SubnetTests
{
    private const string Subnet = "subnet-0123456789abcdef0";

    [Fact]
    public async Task DescribeSubnets_SubnetOfANodeGroup_IsInTheRegionsZoneA()
    {
        await using var account = await SdkAccount.StartAsync(Scenario.Cluster("demo").WithNodeGroup("compute", min: 0, max: 2));

        var subnet = Assert.Single((await account.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [Subnet] })).Subnets);

        Assert.Equal((Subnet, "us-east-1a", "use1-az1"), (subnet.SubnetId, subnet.AvailabilityZone, subnet.AvailabilityZoneId));
    }

    [Fact]
    public async Task DescribeSubnets_UnknownId_IsInvalidSubnetIdNotFound()
    {
        await using var account = await SdkAccount.StartAsync(Scenario.Cluster("demo").WithNodeGroup("compute", min: 0, max: 2));

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            account.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [Subnet, "subnet-0fffffffffffffff0"] }));

        Assert.Equal("InvalidSubnetID.NotFound", error.ErrorCode);
        Assert.Contains("subnet-0fffffffffffffff0", error.Message, StringComparison.Ordinal);
    }
}
