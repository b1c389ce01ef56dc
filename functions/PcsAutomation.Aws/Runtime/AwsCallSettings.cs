using Amazon.Runtime;

namespace PcsAutomation.Aws.Runtime;

/// <summary>What every JSON client of one factory shares: region, credentials, transport, time, and retry settings.</summary>
internal sealed record AwsCallSettings(
    string Region,
    AWSCredentials Credentials,
    HttpClient Http,
    TimeProvider TimeProvider,
    Func<double> Random,
    int MaxAttempts,
    TimeSpan RequestTimeout);
