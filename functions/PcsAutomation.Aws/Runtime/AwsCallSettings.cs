using Amazon.Runtime;

namespace PcsAutomation.Aws.Runtime;

/// <summary>
/// What every JSON client of one factory shares: region, credentials, transport, time, and retry settings. Credentials
/// and transport are made on first use, so a function that never calls AWS never pays for them at start.
/// </summary>
internal sealed record AwsCallSettings(
    string Region,
    Lazy<AWSCredentials> Credentials,
    Lazy<HttpClient> Http,
    TimeProvider TimeProvider,
    Func<double> Random,
    int MaxAttempts,
    TimeSpan RequestTimeout);
