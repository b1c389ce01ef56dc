using Amazon;
using Amazon.DynamoDBv2;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using PcsAutomation.Aws.Credentials;
using PcsAutomation.Aws.Endpoints;
using PcsAutomation.Aws.PCS;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Aws.SecretsManager;
using PcsAutomation.Aws.SecretsManager.Model;
using PcsAutomation.Aws.StepFunctions;
using PcsAutomation.Aws.StepFunctions.Model;

namespace PcsAutomation.Aws.Runtime;

/// <summary>
/// Builds every AWS client of the process from one resolved configuration (region, credentials, endpoint
/// overrides), so PCS, Secrets Manager, Step Functions, EC2, SSM and DynamoDB agree on all three.
/// </summary>
public sealed class AwsClientFactory : IDisposable
{
    private readonly AwsCallSettings settings;
    private readonly Lazy<AWSCredentials> credentials;
    private readonly AwsEndpointResolver endpoints;
    private readonly Lazy<HttpClient> http;
    private readonly HttpMessageHandler? sharedHandler;

    private AwsClientFactory(AwsClientOptions options)
    {
        var environment = options.Environment ?? System.Environment.GetEnvironmentVariable;
        // An explicit profile stands where AWS_PROFILE would, so the region and the credentials come from the same profile.
        if (options.Profile is { } explicitProfile)
        {
            var inner = environment;
            environment = name => name == AwsRegionResolver.ProfileVariable ? explicitProfile.Trim() : inner(name);
        }

        var regions = new AwsRegionResolver(environment, options.ProfileRegion ?? AwsRegionResolver.SharedProfileRegion);
        Region = options.Region is { } explicitRegion
            ? AwsRegionResolver.Validated(explicitRegion.Trim(), "AwsClientOptions.Region")
            : regions.Resolve();

        // Every known service's override is checked now, so a malformed AWS_ENDPOINT_URL_* fails at start, not at first use.
        endpoints = new AwsEndpointResolver(environment);
        Endpoints = AwsServiceIds.Known.ToDictionary(s => s.ServiceId, s => endpoints.Resolve(s.ServiceId, s.EndpointPrefix, Region));

        credentials = ResolveCredentials(options, environment, regions.ProfileName);

        sharedHandler = options.HttpMessageHandler;
        http = new Lazy<HttpClient>(() =>
        {
            var client = sharedHandler is { } handler
                ? new HttpClient(handler, disposeHandler: false)
                : new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
            client.Timeout = Timeout.InfiniteTimeSpan; // each attempt has its own timeout, on the injected clock
            return client;
        });
        settings = new AwsCallSettings(
            Region, credentials, http, options.TimeProvider, options.Random ?? System.Random.Shared.NextDouble, options.MaxAttempts, options.RequestTimeout);
    }

    /// <summary>The region every client uses.</summary>
    public string Region { get; }

    /// <summary>The endpoint of each known service (by SDK service id: "PCS", "Secrets Manager", "SFN", "EC2", "SSM", "DynamoDB").</summary>
    public IReadOnlyDictionary<string, AwsEndpoint> Endpoints { get; }

    /// <summary>Which kind of credentials were found (a type name such as "EnvironmentVariablesAWSCredentials"; never a key).</summary>
    public string CredentialsSource => credentials.Value.GetType().Name;

    /// <summary>
    /// Resolves region, credentials and endpoint overrides the way the AWS SDKs do (environment, profile, SSO,
    /// container, IMDS); throws <see cref="AwsConfigurationException"/> naming the problem when one is missing or malformed.
    /// </summary>
    public static AwsClientFactory FromEnvironment(TimeProvider timeProvider) =>
        Create(new AwsClientOptions { TimeProvider = timeProvider });

    /// <summary>Validates <paramref name="options"/> (ArgumentException naming the property), then resolves what they leave to the environment.</summary>
    public static AwsClientFactory Create(AwsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new AwsClientFactory(options);
    }

    /// <summary>A JSON-protocol client for <paramref name="service"/>; its errors become what <paramref name="errorFactory"/> builds.</summary>
    public IAwsJsonInvoker CreateJsonInvoker(AwsServiceMetadata service, AwsErrorFactory errorFactory)
    {
        ArgumentNullException.ThrowIfNull(service);
        var endpoint = Endpoints.TryGetValue(service.ServiceId, out var known)
            ? known
            : endpoints.Resolve(service.ServiceId, service.EndpointPrefix, Region);
        return new AwsJsonClient(service, errorFactory, endpoint.Url, settings);
    }

    /// <summary>The PCS client (our JSON protocol client, shaped like AWSSDK.PCS's).</summary>
    public AmazonPCSClient CreatePcs() => new(CreateJsonInvoker(AmazonPCSClient.ServiceMetadata, AmazonPCSException.FromErrorResponse));

    /// <summary>The Secrets Manager client (our JSON protocol client, shaped like AWSSDK.SecretsManager's).</summary>
    public AmazonSecretsManagerClient CreateSecretsManager() =>
        new(CreateJsonInvoker(AmazonSecretsManagerClient.ServiceMetadata, AmazonSecretsManagerException.FromErrorResponse));

    /// <summary>The Step Functions client (our JSON protocol client, shaped like AWSSDK.StepFunctions's).</summary>
    public AmazonStepFunctionsClient CreateStepFunctions() =>
        new(CreateJsonInvoker(AmazonStepFunctionsClient.ServiceMetadata, AmazonStepFunctionsException.FromErrorResponse));

    public AmazonEC2Client CreateEc2() => new(credentials.Value, Configure(new AmazonEC2Config(), AwsServiceIds.Ec2));

    public AmazonSimpleSystemsManagementClient CreateSsm() =>
        new(credentials.Value, Configure(new AmazonSimpleSystemsManagementConfig(), AwsServiceIds.Ssm));

    public AmazonDynamoDBClient CreateDynamoDb() => new(credentials.Value, Configure(new AmazonDynamoDBConfig(), AwsServiceIds.DynamoDb));

    public void Dispose()
    {
        if (http.IsValueCreated)
            http.Value.Dispose();
    }

    /// <summary>
    /// The credentials, found now when finding them may fail (so the failure is an init error naming it), and on first
    /// use when the environment holds a key pair: the SDK's chain answers from those first and cannot fail then. That
    /// is Lambda's case (it sets AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN,
    /// https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html), and it saves about 2 ms of start for
    /// functions that never call AWS (docs/benchmarks.md).
    /// </summary>
    private static Lazy<AWSCredentials> ResolveCredentials(AwsClientOptions options, Func<string, string?> environment, string profileName)
    {
        if (options.Credentials is { } given)
            return new Lazy<AWSCredentials>(given);
        if (options.Profile is not null)
            return new Lazy<AWSCredentials>(AwsCredentialsResolver.FromProfile(profileName, options.ProfileCredentials ?? AwsCredentialsResolver.SharedProfileCredentials));
        var chain = options.CredentialsChain ?? AwsCredentialsResolver.DefaultChain;
        var keyPairInEnvironment = !string.IsNullOrWhiteSpace(environment("AWS_ACCESS_KEY_ID")) && !string.IsNullOrWhiteSpace(environment("AWS_SECRET_ACCESS_KEY"));
        return keyPairInEnvironment
            ? new Lazy<AWSCredentials>(() => AwsCredentialsResolver.Resolve(chain, profileName))
            : new Lazy<AWSCredentials>(AwsCredentialsResolver.Resolve(chain, profileName));
    }

    /// <summary>Same region, endpoint override and retry bounds as the JSON clients (the SDK keeps its own clock and jitter).</summary>
    private TConfig Configure<TConfig>(TConfig config, string serviceId)
        where TConfig : ClientConfig
    {
        // The override was already resolved from our (injectable) environment; the SDK must not read it a second time.
        config.IgnoreConfiguredEndpointUrls = true;
        var endpoint = Endpoints[serviceId];
        if (endpoint.Source is null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(Region);
        }
        else
        {
            config.ServiceURL = endpoint.Url.ToString();
            config.AuthenticationRegion = Region;
        }

        if (sharedHandler is not null)
            config.HttpClientFactory = new SharedHandlerHttpClientFactory(sharedHandler);
        config.RetryMode = RequestRetryMode.Standard;
        config.MaxErrorRetry = settings.MaxAttempts - 1;
        config.Timeout = settings.RequestTimeout;
        return config;
    }
}

/// <summary>A missing or malformed AWS setting (region, credentials, endpoint URL), found before any call is made.</summary>
public sealed class AwsConfigurationException : Exception
{
    public AwsConfigurationException(string message)
        : base(message)
    {
    }

    public AwsConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
