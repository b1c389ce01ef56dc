namespace PcsAutomation.Domain.Rotation;

/// <summary>
/// Checks that a secret is the PCS cluster secret of a given cluster before the automation rotates it: the name is
/// <c>pcs!slurm-secret-&lt;cluster-id&gt;</c> (guide L2249, L11179) and PCS tags it <c>aws:pcs:cluster-id</c>
/// (guide L2253). Example ARN (guide L2297-2298):
/// <c>arn:aws:secretsmanager:us-east-1:111122223333:secret:pcs!slurm-secret-pcs_123456abcd-a12ABC</c>.
/// </summary>
public static class SecretOwnership
{
    public const string NamePrefix = "pcs!slurm-secret-";

    /// <summary>Secrets Manager appends a hyphen and six random characters to the name in the ARN.</summary>
    private const int ArnSuffixLength = 7;

    public static string ExpectedSecretName(string clusterId) => NamePrefix + clusterId;

    /// <summary>Null when the secret is the cluster's; otherwise what differs (name, tag, or both).</summary>
    public static string? Problem(string clusterId, string secretArn, IReadOnlyDictionary<string, string> secretTags)
    {
        ArgumentNullException.ThrowIfNull(secretTags);
        if (string.IsNullOrEmpty(clusterId))
        {
            return "The cluster id is empty";
        }

        var problems = new List<string>();
        var name = SecretNameFromArn(secretArn);
        var expected = ExpectedSecretName(clusterId);
        if (name is null)
        {
            problems.Add($"'{secretArn}' is not a Secrets Manager secret ARN (arn:<partition>:secretsmanager:<region>:<account>:secret:<name>-<6 characters>)");
        }
        else if (!string.Equals(name, expected, StringComparison.Ordinal))
        {
            problems.Add($"secret name '{name}' is not '{expected}'");
        }

        if (!secretTags.TryGetValue(Configuration.TagKeys.PcsClusterId, out var taggedId))
        {
            problems.Add($"the secret has no tag {Configuration.TagKeys.PcsClusterId}");
        }
        else if (!string.Equals(taggedId, clusterId, StringComparison.Ordinal))
        {
            problems.Add($"tag {Configuration.TagKeys.PcsClusterId} is '{taggedId}', not '{clusterId}'");
        }

        return problems.Count == 0 ? null : $"Secret is not the cluster secret of {clusterId}: {string.Join("; ", problems)}";
    }

    /// <summary>
    /// The secret's name from its ARN, without the random suffix; null when <paramref name="secretArn"/> is not a
    /// Secrets Manager secret ARN. Secret names cannot contain ':', so everything after "secret:" is the name.
    /// </summary>
    public static string? SecretNameFromArn(string? secretArn)
    {
        if (string.IsNullOrEmpty(secretArn))
        {
            return null;
        }

        var parts = secretArn.Split(':', 7);
        if (parts.Length != 7 || parts[0] != "arn" || parts[1].Length == 0 || parts[2] != "secretsmanager" || parts[5] != "secret")
        {
            return null;
        }

        var nameWithSuffix = parts[6];
        if (nameWithSuffix.Length <= ArnSuffixLength || nameWithSuffix[^ArnSuffixLength] != '-')
        {
            return null;
        }

        return nameWithSuffix[..^ArnSuffixLength];
    }

    /// <summary>
    /// The cluster id a PCS cluster secret belongs to, from its ARN or its bare name (rotation events may carry
    /// either); null when it is not named <c>pcs!slurm-secret-&lt;id&gt;</c>. Used to route Secrets Manager events.
    /// </summary>
    public static string? ClusterIdFromSecret(string? secretArnOrName)
    {
        if (string.IsNullOrEmpty(secretArnOrName))
        {
            return null;
        }

        var name = secretArnOrName.StartsWith("arn:", StringComparison.Ordinal) ? SecretNameFromArn(secretArnOrName) : secretArnOrName;
        return name is not null && name.StartsWith(NamePrefix, StringComparison.Ordinal) && name.Length > NamePrefix.Length
            ? name[NamePrefix.Length..]
            : null;
    }
}
