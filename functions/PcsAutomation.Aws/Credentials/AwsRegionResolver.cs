using System.Text.RegularExpressions;
using Amazon.Runtime.CredentialManagement;
using PcsAutomation.Aws.Runtime;

namespace PcsAutomation.Aws.Credentials;

/// <summary>The region as the AWS SDKs find it: <c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>, then the profile's <c>region</c>.</summary>
/// <param name="environment">Reads one environment variable.</param>
/// <param name="profileRegion">The <c>region</c> of a named profile in the shared config/credentials files, or null.</param>
internal sealed partial class AwsRegionResolver(Func<string, string?> environment, Func<string, string?> profileRegion)
{
    public const string RegionVariable = "AWS_REGION";
    public const string DefaultRegionVariable = "AWS_DEFAULT_REGION";
    public const string ProfileVariable = "AWS_PROFILE";

    public string ProfileName => NonBlank(environment(ProfileVariable)) ?? "default";

    public string Resolve()
    {
        foreach (var variable in new[] { RegionVariable, DefaultRegionVariable })
        {
            if (NonBlank(environment(variable)) is { } value)
                return Validated(value, variable);
        }

        if (NonBlank(profileRegion(ProfileName)) is { } fromProfile)
            return Validated(fromProfile, $"region of profile '{ProfileName}'");

        throw new AwsConfigurationException(
            $"No AWS region: {RegionVariable} and {DefaultRegionVariable} are not set and profile '{ProfileName}' has no region; set {RegionVariable} (e.g. us-east-1).");
    }

    /// <summary>Checks the shape only ("us-east-1", "eu-west-3", "us-gov-west-1"), so a typo fails at start rather than as a DNS error.</summary>
    public static string Validated(string region, string source) =>
        RegionName().IsMatch(region)
            ? region
            : throw new AwsConfigurationException($"{source}='{region}' is not an AWS region name (expected lower-case like us-east-1).");

    /// <summary>The region of a profile in ~/.aws/config or ~/.aws/credentials (the SDK's store, which honours AWS_CONFIG_FILE).</summary>
    public static string? SharedProfileRegion(string profile) =>
        new CredentialProfileStoreChain().TryGetProfile(profile, out var found) ? found.Region?.SystemName : null;

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[a-z]{2}(-[a-z0-9]+)+-[0-9]+$")]
    private static partial Regex RegionName();
}
