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
    public static AWSCredentials DefaultChain()
    {
        using var resolver = new DefaultAWSCredentialsIdentityResolver();
        return resolver.ResolveIdentity(clientConfig: null);
    }

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
