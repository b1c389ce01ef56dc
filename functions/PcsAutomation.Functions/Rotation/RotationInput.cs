using System.Globalization;
using System.Text.RegularExpressions;
using PcsAutomation.Domain.Rotation;

namespace PcsAutomation.Functions.Rotation;

/// <summary>Checks of the fields the rotation inputs share; a failure is <see cref="InvalidRotationInput"/> naming the field.</summary>
internal static partial class RotationInput
{
    public static string ClusterId(string? value) => Required(value, "clusterId");

    /// <summary>The <c>$$.Execution.Id</c> the ASL passes: the lease owner and the seed of every client token.</summary>
    public static string ExecutionArn(string? value)
    {
        var arn = Required(value, "executionArn");
        return arn.StartsWith("arn:", StringComparison.Ordinal)
            ? arn
            : throw new InvalidRotationInput($"executionArn must be the execution's ARN ($$.Execution.Id), got a value of {arn.Length} characters not starting with 'arn:'.");
    }

    public static int Attempt(int? value) => value switch
    {
        null => 0,
        < 0 => throw new InvalidRotationInput(string.Create(CultureInfo.InvariantCulture, $"attempt must be 0 or more, got {value}.")),
        _ => value.Value,
    };

    /// <summary>Saved scaling from the state machine: each entry names its group and has 0 ≤ min ≤ max.</summary>
    public static IReadOnlyList<NodeGroupScaling> SavedScaling(IReadOnlyList<NodeGroupScaling>? value)
    {
        if (value is null)
            throw new InvalidRotationInput("savedScaling is required (the output of ScaleNodeGroupsToZero or RestoreNodeGroups).");
        for (var i = 0; i < value.Count; i++)
        {
            var s = value[i];
            if (s is null || string.IsNullOrWhiteSpace(s.NodeGroupId))
                throw new InvalidRotationInput(string.Create(CultureInfo.InvariantCulture, $"savedScaling[{i}].nodeGroupId is required."));
            if (s.MinInstanceCount < 0 || s.MaxInstanceCount < s.MinInstanceCount)
                throw new InvalidRotationInput(string.Create(CultureInfo.InvariantCulture,
                    $"savedScaling[{i}] ({s.NodeGroupId}) has min {s.MinInstanceCount} and max {s.MaxInstanceCount}; need 0 <= min <= max."));
        }
        return value;
    }

    /// <summary>The trimmed value; missing or blank is <see cref="InvalidRotationInput"/> naming <paramref name="field"/>.</summary>
    public static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidRotationInput($"{field} is required.") : value.Trim();

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
