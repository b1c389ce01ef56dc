using PcsAutomation.Aws.Runtime;

namespace PcsAutomation.Functions.Diagnostics;

/// <summary>
/// The region and per-service endpoints the clients really use, as <see cref="AwsClientFactory"/> resolved them
/// (one resolution for the whole process), with any user info removed from endpoint URLs.
/// </summary>
public sealed record AwsConfigurationSummary(string Region, IReadOnlyDictionary<string, string> Endpoints)
{
    public static AwsConfigurationSummary From(AwsClientFactory aws)
    {
        ArgumentNullException.ThrowIfNull(aws);
        var endpoints = aws.Endpoints.ToDictionary(e => e.Key, e => WithoutUserInfo(e.Value.Url), StringComparer.Ordinal);
        return new AwsConfigurationSummary(aws.Region, endpoints);
    }

    // The factory refuses endpoint URLs with user info, but a diagnostics report must never be the place one leaks.
    private static string WithoutUserInfo(Uri url) =>
        (url.UserInfo.Length == 0 ? url : new UriBuilder(url) { UserName = "", Password = "" }.Uri).ToString().TrimEnd('/');
}
