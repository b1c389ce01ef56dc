namespace PcsAutomation.Functions.Rotation;

/// <summary>The staging labels Secrets Manager puts on a secret's versions (DescribeSecret's <c>VersionIdsToStages</c>).</summary>
internal static class SecretStages
{
    public const string Current = "AWSCURRENT";
    public const string Pending = "AWSPENDING";

    public static string? CurrentVersion(Dictionary<string, List<string>>? stages) =>
        stages?.FirstOrDefault(v => v.Value?.Contains(Current) == true).Key;

    /// <summary>
    /// The version labelled AWSPENDING but not AWSCURRENT: a rotation that has not finished. A version holding both
    /// labels is a finished rotation; that is also how Secrets Manager decides whether RotateSecret may start another.
    /// </summary>
    public static string? UnfinishedVersion(Dictionary<string, List<string>>? stages) =>
        stages?.FirstOrDefault(v => v.Value?.Contains(Pending) == true && !v.Value.Contains(Current)).Key;
}
