using PcsAutomation.Domain.JobProtection;

namespace PcsAutomation.Domain.Tests.JobProtection;

public class SlurmRestNetworkTests
{
    [Theory] // CloudFormation passes a blank parameter as an empty string
    [InlineData("subnet-0123456789abcdef0,subnet-0fedcba9876543210", "sg-0123456789abcdef0", true)]
    [InlineData("subnet-0123456789abcdef0", "", false)]
    [InlineData("", "sg-0123456789abcdef0", false)]
    [InlineData(null, null, false)]
    public void IsConfigured_TheStackParameters_OnlyWhenBothAreSet(string? subnets, string? group, bool expected)
    {
        var variables = new Dictionary<string, string?>
        {
            ["PCS_AUTOMATION_SLURM_REST_SUBNET_IDS"] = subnets,
            ["PCS_AUTOMATION_SLURM_REST_SECURITY_GROUP_ID"] = group,
        };

        Assert.Equal(expected, SlurmRestNetwork.IsConfigured(name => variables.GetValueOrDefault(name)));
    }
}
