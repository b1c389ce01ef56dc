namespace PcsAutomation.LocalAws.Ssm;

/// <summary>A Parameter Store parameter. A SecureString's <see cref="Value"/> is only served WithDecryption.</summary>
public sealed class SsmParameter
{
    public const string StringType = "String";
    public const string StringList = "StringList";
    public const string SecureString = "SecureString";

    public required string Name { get; init; }
    public required string Type { get; set; }
    public required string Value { get; set; }

    /// <summary>What GetParameter answers for a SecureString without WithDecryption (an opaque blob, never the value).</summary>
    public string? Ciphertext { get; set; }

    public string? Description { get; set; }

    /// <summary>"text" or "aws:ec2:image".</summary>
    public string DataType { get; set; } = "text";

    public long Version { get; set; } = 1;
    public required DateTimeOffset LastModifiedDate { get; set; }

    /// <summary>Public parameters (<c>/aws/service/...</c>) belong to AWS: no account in the ARN, not writable.</summary>
    public bool IsPublic => Name.StartsWith("/aws/service/", StringComparison.Ordinal);

    public string Arn(string region, string accountId) =>
        $"arn:aws:ssm:{region}:{(IsPublic ? "" : accountId)}:parameter{(Name.StartsWith('/') ? "" : "/")}{Name}";
}
