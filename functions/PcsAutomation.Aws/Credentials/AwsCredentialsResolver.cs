using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using PcsAutomation.Aws.Runtime;

namespace PcsAutomation.Aws.Credentials;

/// <summary>Finds credentials through AWSSDK.Core's default chain once, at start; the object it returns refreshes itself.</summary>
internal static class AwsCredentialsResolver
{
    /// <summary>
    /// The SDK's default chain: environment variables, web identity token, profile (incl. SSO and credential_process),
    /// container credentials (ECS/EKS), EC2 instance metadata. In Lambda the environment variables answer first.
    /// </summary>
    /// <remarks>
    /// The resolver is deliberately not disposed: it caches the credentials it returns, and those (container, IMDS, SSO)
    /// refresh themselves for the life of the process; disposing it could release what they still use.
    /// </remarks>
    public static AWSCredentials DefaultChain() => new DefaultAWSCredentialsIdentityResolver().ResolveIdentity(clientConfig: null);

    /// <summary>Runs <paramref name="chain"/>; when it finds nothing, fails with one line saying where it looked (never a key).</summary>
    public static AWSCredentials Resolve(Func<AWSCredentials> chain, string profileName)
    {
        try
        {
            return chain() ?? throw new AmazonClientException("the chain returned nothing");
        }
        catch (AmazonClientException e)
        {
            throw new AwsConfigurationException(
                "No AWS credentials: looked at AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_WEB_IDENTITY_TOKEN_FILE, " +
                $"profile '{profileName}' (AWS_PROFILE), container credentials and EC2 instance metadata.", e);
        }
    }

    /// <summary>The credentials of one named profile (~/.aws/config, ~/.aws/credentials; AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE honoured).</summary>
    public static AWSCredentials? SharedProfileCredentials(string profile) =>
        new CredentialProfileStoreChain().TryGetAWSCredentials(profile, out var found) ? found : null;

    /// <summary>Reads <paramref name="profileName"/>'s credentials; a missing or unusable profile fails with one line naming it (never a key).</summary>
    public static AWSCredentials FromProfile(string profileName, Func<string, AWSCredentials?> lookup)
    {
        AWSCredentials? found;
        try
        {
            found = lookup(profileName);
        }
        catch (AmazonClientException e)
        {
            // The SDK's message is not echoed: it may quote the profile's settings.
            throw new AwsConfigurationException($"AWS profile '{profileName}' has credentials that cannot be used ({e.GetType().Name}); check it with 'aws sts get-caller-identity --profile {profileName}'.", e);
        }

        return found ?? throw new AwsConfigurationException(
            $"No AWS profile '{profileName}' with credentials in ~/.aws/config or ~/.aws/credentials (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE).");
    }
}
