namespace PcsAutomation.Functions.Diagnostics;

/// <summary>
/// The region and per-service endpoints, resolved as the AWS SDKs do from the environment: <c>AWS_REGION</c> then
/// <c>AWS_DEFAULT_REGION</c>; <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, then <c>AWS_ENDPOINT_URL</c>, then
/// <c>https://&lt;prefix&gt;.&lt;region&gt;.amazonaws.com</c>. Only for reporting: the clients get theirs from
/// <c>AwsClientFactory</c>, which has already rejected a missing region or a malformed URL at init.
/// </summary>
public sealed record AwsConfigurationSummary(string? Region, IReadOnlyDictionary<string, string> Endpoints)
{
    // Service name as reported, SDK service id's variable suffix, endpoint prefix.
    private static readonly (string Name, string VariableSuffix, string Prefix)[] Services =
    [
        ("PCS", "PCS", "pcs"),
        ("SecretsManager", "SECRETS_MANAGER", "secretsmanager"),
        ("StepFunctions", "SFN", "states"),
        ("EC2", "EC2", "ec2"),
        ("SSM", "SSM", "ssm"),
        ("DynamoDB", "DYNAMODB", "dynamodb"),
    ];

    public static AwsConfigurationSummary FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        string? Read(string name) => getVariable(name) is { Length: > 0 } value ? value : null;
        var region = Read("AWS_REGION") ?? Read("AWS_DEFAULT_REGION");
        var global = Read("AWS_ENDPOINT_URL");
        var endpoints = Services.ToDictionary(
            s => s.Name,
            s => WithoutUserInfo(Read($"AWS_ENDPOINT_URL_{s.VariableSuffix}") ?? global ?? $"https://{s.Prefix}.{region}.amazonaws.com"),
            StringComparer.Ordinal);
        return new AwsConfigurationSummary(region, endpoints);
    }

    // A URL may carry user:password (which may itself hold '/' and so defeat URI parsing): keep only what follows
    // the last '@' after the scheme.
    private static string WithoutUserInfo(string url)
    {
        var at = url.LastIndexOf('@');
        if (at < 0)
            return url;
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        return scheme >= 0 && scheme < at ? $"{url[..(scheme + 3)]}{url[(at + 1)..]}" : "(redacted)";
    }
}
