using System.Text.RegularExpressions;
using PcsAutomation.Functions.Workflows;

namespace PcsAutomation.Functions.Rotation;

/// <summary>Checks of the fields only the rotation's inputs have; a failure is <see cref="InvalidWorkflowInput"/> naming the field.</summary>
internal static partial class RotationInput
{
    /// <summary>
    /// A Secrets Manager secret ARN. Strict because the ARN is also written into a shell command on login nodes
    /// (<see cref="LoginNodeKeyScript"/>): nothing but ARN characters may reach the quotes there.
    /// </summary>
    public static string SecretArn(string? value)
    {
        var arn = WorkflowInput.Required(value, "secretArn");
        return SecretArnPattern().IsMatch(arn)
            ? arn
            : throw new InvalidWorkflowInput("secretArn is not a Secrets Manager secret ARN (arn:<partition>:secretsmanager:<region>:<account>:secret:<name>).");
    }

    public static IReadOnlyList<string> InstanceIds(IReadOnlyList<string>? values, string field)
    {
        var ids = values ?? [];
        foreach (var id in ids)
        {
            if (!InstanceIdPattern().IsMatch(id ?? ""))
                throw new InvalidWorkflowInput($"{field} holds '{WorkflowInput.Clip(id)}', which is not an EC2 instance id.");
        }
        return ids.Distinct(StringComparer.Ordinal).ToList();
    }

    // Secret names allow letters, digits and /_+=.@-!  (PCS's is pcs!slurm-secret-<id>); ARNs add a -XXXXXX suffix.
    [GeneratedRegex(@"^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@!-]+$")]
    private static partial Regex SecretArnPattern();

    [GeneratedRegex(@"^(i|mi)-[0-9a-f]{8,17}$")]
    private static partial Regex InstanceIdPattern();
}
