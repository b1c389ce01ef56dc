using PcsAutomation.Aws.PCS.Model;

namespace PcsAutomation.Aws.Tests.PCS.Model;

public class RegisterComputeNodeGroupInstanceResponseTests
{
    [Fact]
    public void ToString_SharedSecret_Redacted()
    {
        var response = new RegisterComputeNodeGroupInstanceResponse
        {
            NodeID = "node-1",
            SharedSecret = "slurm-auth-key-bytes",
            Endpoints = [new Endpoint { Type = EndpointType.SLURMCTLD, PrivateIpAddress = "10.0.0.5", Port = "6817" }],
        };

        var text = response.ToString();

        Assert.DoesNotContain("slurm-auth-key-bytes", text, StringComparison.Ordinal);
        Assert.Contains("NodeID = node-1", text, StringComparison.Ordinal);
    }
}
