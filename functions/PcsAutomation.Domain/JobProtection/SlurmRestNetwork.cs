using PcsAutomation.Domain.Configuration;

namespace PcsAutomation.Domain.JobProtection;

/// <summary>
/// The deployment's side of the REST API: slurmrestd listens on a private address inside the cluster's VPC only (guide
/// L6708, L7062-7064), so the functions that call it run in that VPC, in the subnets and with the security group the
/// stack parameters name, and the cluster's security group must let that group reach port 6820 (L6709, L6737,
/// L7070-7072): that rule is the operator's (the parameter's Description says so). Every function gets both
/// parameters' values (<see cref="EnvironmentVariables.SlurmRestSubnetIds"/>, <see cref="EnvironmentVariables.SlurmRestSecurityGroupId"/>),
/// so a plan can say why it falls back; the template's Rules refuse one without the other.
/// </summary>
public static class SlurmRestNetwork
{
    /// <summary>Stack parameter: the subnets (comma-separated ids) of the functions that call slurmrestd.</summary>
    public const string SubnetIdsParameter = "SlurmRestSubnetIds";

    /// <summary>Stack parameter: the security group of the functions that call slurmrestd.</summary>
    public const string SecurityGroupIdParameter = "SlurmRestSecurityGroupId";

    /// <summary>
    /// True when both variables are set (CloudFormation passes a blank parameter as an empty string): the same test as
    /// the template's condition SlurmRestNetworkConfigured, which puts those functions in the VPC.
    /// </summary>
    public static bool IsConfigured(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        return !string.IsNullOrEmpty(getVariable(EnvironmentVariables.SlurmRestSubnetIds))
            && !string.IsNullOrEmpty(getVariable(EnvironmentVariables.SlurmRestSecurityGroupId));
    }
}
