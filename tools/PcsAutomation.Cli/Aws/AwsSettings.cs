using Amazon.Runtime;
using PcsAutomation.Aws.Runtime;

namespace PcsAutomation.Cli.Aws;

/// <summary>
/// Where the CLI's AWS calls go, taken like the AWS CLI takes it: <c>--profile</c> / AWS_PROFILE, <c>--region</c> /
/// AWS_REGION / AWS_DEFAULT_REGION / the profile's region, <c>--endpoint-url</c> / AWS_ENDPOINT_URL(_&lt;SERVICE&gt;).
/// </summary>
public sealed record AwsSettings(string? Profile, string? Region, string? EndpointUrl)
{
    /// <summary>
    /// The product's client factory for these settings over <paramref name="environment"/>. Credentials: the profile's
    /// when <c>--profile</c> is given; else AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY(/AWS_SESSION_TOKEN) from the CLI's
    /// environment (the default chain's first link, read from the environment the CLI was given); else the default chain.
    /// </summary>
    public AwsClientFactory CreateFactory(Func<string, string?> environment, TimeProvider timeProvider) =>
        AwsClientFactory.Create(ClientOptions(environment, timeProvider));

    /// <summary>The options <see cref="CreateFactory"/> builds from (<c>invoke</c> adds its recording transport to them).</summary>
    public AwsClientOptions ClientOptions(Func<string, string?> environment, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var endpoint = Blank(EndpointUrl);
        Func<string, string?> effective = endpoint is null
            ? environment
            : name => name == "AWS_ENDPOINT_URL" ? endpoint : environment(name);
        var profile = Blank(Profile);
        return new AwsClientOptions
        {
            TimeProvider = timeProvider,
            Region = Blank(Region),
            Profile = profile,
            Environment = effective,
            Credentials = profile is null ? EnvironmentCredentials(environment) : null,
        };
    }

    private static AWSCredentials? EnvironmentCredentials(Func<string, string?> environment)
    {
        var key = Blank(environment("AWS_ACCESS_KEY_ID"));
        var secret = Blank(environment("AWS_SECRET_ACCESS_KEY"));
        if (key is null || secret is null) return null;
        return Blank(environment("AWS_SESSION_TOKEN")) is { } token
            ? new SessionAWSCredentials(key, secret, token)
            : new BasicAWSCredentials(key, secret);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
