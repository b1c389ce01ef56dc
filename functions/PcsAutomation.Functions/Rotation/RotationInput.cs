using System.Text.RegularExpressions;

namespace PcsAutomation.Functions.Rotation;

/// <summary>Checks of the secret-rotation handlers' inputs; a problem is <see cref="InvalidRotationInput"/> naming the field.</summary>
internal static partial class RotationInput
{
    public static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidRotationInput($"The input has no '{field}'.") : value;

    /// <summary>
    /// A Secrets Manager secret ARN. Strict because the ARN is also written into a shell command on login nodes
    /// (<see cref="LoginNodeKeyScript"/>): nothing but ARN characters may reach the quotes there.
    /// </summary>
    public static string SecretArn(string? value)
    {
        var arn = Required(value, "secretArn");
        return SecretArnPattern().IsMatch(arn)
            ? arn
            : throw new InvalidRotationInput("The input's 'secretArn' is not a Secrets Manager secret ARN (arn:<partition>:secretsmanager:<region>:<account>:secret:<name>).");
    }

    public static IReadOnlyList<string> InstanceIds(IReadOnlyList<string>? values, string field)
    {
        var ids = values ?? [];
        foreach (var id in ids)
        {
            if (!InstanceIdPattern().IsMatch(id ?? ""))
                throw new InvalidRotationInput($"The input's '{field}' holds '{Clip(id)}', which is not an EC2 instance id.");
        }
        return ids.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Clip(string? text) => text is null ? "null" : text.Length <= 40 ? text : text[..40] + "...";

    // Secret names allow letters, digits and /_+=.@-!  (PCS's is pcs!slurm-secret-<id>); ARNs add a -XXXXXX suffix.
    [GeneratedRegex(@"^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@!-]+$")]
    private static partial Regex SecretArnPattern();

    [GeneratedRegex(@"^(i|mi)-[0-9a-f]{8,17}$")]
    private static partial Regex InstanceIdPattern();
}
