using Amazon.Runtime;
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
}
