using PcsAutomation.Aws.Runtime;

namespace PcsAutomation.Aws.Endpoints;

/// <summary>
/// Where a service is reached, following the AWS SDKs' "service-specific endpoints" convention:
/// <c>AWS_ENDPOINT_URL_&lt;SERVICE_ID&gt;</c> wins over <c>AWS_ENDPOINT_URL</c>, which wins over
/// <c>https://&lt;prefix&gt;.&lt;region&gt;.amazonaws.com</c>; <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c> disables both
/// variables. This is how every client is pointed at the local emulator.
/// </summary>
/// <param name="environment">Reads one environment variable (tests pass a dictionary; never the process environment).</param>
public sealed class AwsEndpointResolver(Func<string, string?> environment)
{
    public const string GlobalVariable = "AWS_ENDPOINT_URL";
    public const string IgnoreVariable = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    /// <summary>The service-specific variable: service id upper-cased, spaces as underscores ("Secrets Manager" → AWS_ENDPOINT_URL_SECRETS_MANAGER).</summary>
    public static string ServiceVariable(string serviceId)
    {
        ArgumentNullException.ThrowIfNull(serviceId);
        return GlobalVariable + "_" + serviceId.Trim().ToUpperInvariant().Replace(' ', '_');
    }

    /// <summary>Resolves the endpoint of one service; throws <see cref="AwsConfigurationException"/> for a malformed URL.</summary>
    public AwsEndpoint Resolve(string serviceId, string endpointPrefix, string region)
    {
        if (!IgnoreConfigured)
        {
            foreach (var variable in new[] { ServiceVariable(serviceId), GlobalVariable })
            {
                var value = environment(variable);
                if (!string.IsNullOrWhiteSpace(value))
                    return new AwsEndpoint(Parse(variable, value.Trim()), variable);
            }
        }

        return new AwsEndpoint(new Uri($"https://{endpointPrefix}.{region}.amazonaws.com/"), Source: null);
    }

    private bool IgnoreConfigured =>
        string.Equals(environment(IgnoreVariable)?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static Uri Parse(string variable, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new AwsConfigurationException($"{variable}={Shown(value)} is not an absolute http:// or https:// URL.");
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            throw new AwsConfigurationException($"{variable}={Shown(value)} must be scheme://host[:port][/path], without query, fragment or user info.");
        return uri;
    }

    // A URL with '@' may carry a password in its user info: never echo it.
    private static string Shown(string value) => value.Contains('@', StringComparison.Ordinal) ? "(value hidden: it contains '@')" : $"'{value}'";
}

/// <summary>A resolved endpoint and the variable it came from (null: the default AWS endpoint).</summary>
public sealed record AwsEndpoint(Uri Url, string? Source);
