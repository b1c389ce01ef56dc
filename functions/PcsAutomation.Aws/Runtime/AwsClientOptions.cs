using Amazon.Runtime;

namespace PcsAutomation.Aws.Runtime;

/// <summary>How <see cref="AwsClientFactory"/> builds every AWS client of the process; validated once by <see cref="Validate"/>.</summary>
public sealed record AwsClientOptions
{
    /// <summary>The clock for signing dates, backoff delays and per-attempt timeouts. Required: only Program.cs passes <see cref="TimeProvider.System"/>.</summary>
    public required TimeProvider TimeProvider { get; init; }

    /// <summary>The region, e.g. "us-east-1". Default null: <c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>, then the profile's region.</summary>
    public string? Region { get; init; }

    /// <summary>
    /// A named profile of the shared config files, as the AWS CLI's <c>--profile</c>: its credentials replace the default
    /// chain and its region is used when neither <see cref="Region"/> nor AWS_REGION / AWS_DEFAULT_REGION is set.
    /// Default null: the default chain, which reads AWS_PROFILE from the process environment.
    /// </summary>
    public string? Profile { get; init; }

    /// <summary>Default null: AWSSDK.Core's default chain (environment, web identity, profile/SSO, container, IMDS), resolved once, refreshed by the SDK.</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>Attempts per call, first included, between 1 and 10. Default 3 (the SDKs' standard mode).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>How long one attempt may wait for its response, between 1 ms and 15 min. Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Uniform values in [0, 1) for backoff jitter. Default null: <see cref="System.Random.Shared"/>.</summary>
    public Func<double>? Random { get; init; }

    /// <summary>The HTTP transport of the JSON clients (tests pass a fake). Default null: a <see cref="SocketsHttpHandler"/> owned by the factory.</summary>
    public HttpMessageHandler? HttpMessageHandler { get; init; }

    /// <summary>Reads an environment variable (region, profile, endpoint overrides). Default null: the process environment.</summary>
    public Func<string, string?>? Environment { get; init; }

    /// <summary>Reads a profile's region from the shared config files. Default null: AWSSDK.Core's profile store. Tests replace it.</summary>
    internal Func<string, string?>? ProfileRegion { get; init; }

    /// <summary>Finds credentials when <see cref="Credentials"/> is null. Default null: the SDK's default chain. Tests replace it.</summary>
    internal Func<AWSCredentials>? CredentialsChain { get; init; }

    /// <summary>Reads a named profile's credentials (null: no such profile). Default null: AWSSDK.Core's profile store. Tests replace it.</summary>
    internal Func<string, AWSCredentials?>? ProfileCredentials { get; init; }

    /// <summary>Never prints credentials (a record would print every property).</summary>
    public override string ToString() =>
        $"AwsClientOptions {{ Region = {Region ?? "(environment)"}, Profile = {Profile ?? "(environment)"}, Credentials = {(Credentials is null ? "(default chain)" : Credentials.GetType().Name)}, MaxAttempts = {MaxAttempts}, RequestTimeout = {RequestTimeout} }}";

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad property.</summary>
    public void Validate()
    {
        if (TimeProvider is null)
            throw new ArgumentException("AwsClientOptions.TimeProvider is required.", nameof(TimeProvider));
        if (MaxAttempts is < 1 or > 10)
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "AwsClientOptions.MaxAttempts must be between 1 and 10.");
        if (RequestTimeout < TimeSpan.FromMilliseconds(1) || RequestTimeout > TimeSpan.FromMinutes(15))
            throw new ArgumentOutOfRangeException(nameof(RequestTimeout), RequestTimeout, "AwsClientOptions.RequestTimeout must be between 1 ms and 15 min.");
        if (Region is not null && string.IsNullOrWhiteSpace(Region))
            throw new ArgumentException("AwsClientOptions.Region must be null (resolve from the environment) or a region name, not blank.", nameof(Region));
        if (Profile is not null && string.IsNullOrWhiteSpace(Profile))
            throw new ArgumentException("AwsClientOptions.Profile must be null (the default chain) or a profile name, not blank.", nameof(Profile));
    }
}
