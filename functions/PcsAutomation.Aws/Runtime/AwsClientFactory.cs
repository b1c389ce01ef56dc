namespace PcsAutomation.Aws.Runtime;

/// <summary>
/// Builds every AWS client of the process from one resolved configuration (region, credentials, endpoint
/// overrides), so PCS, Secrets Manager, Step Functions, EC2, SSM and DynamoDB agree on all three.
/// </summary>
public sealed class AwsClientFactory
{
    /// <summary>
    /// Resolves region, credentials and endpoint overrides the way the AWS SDKs do (environment, profile, SSO,
    /// container, IMDS); throws <see cref="AwsConfigurationException"/> naming the problem when one is missing or malformed.
    /// </summary>
    public static AwsClientFactory FromEnvironment(TimeProvider timeProvider) =>
        throw new NotImplementedException("contract stub: the AWS core work replaces this");
}

/// <summary>A missing or malformed AWS setting (region, credentials, endpoint URL), found before any call is made.</summary>
public sealed class AwsConfigurationException(string message) : Exception(message);
