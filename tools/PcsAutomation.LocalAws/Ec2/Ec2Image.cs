namespace PcsAutomation.LocalAws.Ec2;

/// <summary>An AMI as DescribeImages shows it. Deprecation is judged on the virtual clock.</summary>
public sealed class Ec2Image
{
    public required string ImageId { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }

    /// <summary>"x86_64" or "arm64".</summary>
    public required string Architecture { get; init; }

    public required string OwnerId { get; init; }

    /// <summary>"amazon" for AWS-published images (what <c>--owners amazon</c> matches), null for the account's own.</summary>
    public string? OwnerAlias { get; init; }

    public required DateTimeOffset CreationDate { get; init; }
    public DateTimeOffset? DeprecationTime { get; set; }

    /// <summary>"available", "pending", "failed", "deregistered", "disabled".</summary>
    public string State { get; set; } = "available";

    public bool Public { get; init; }
    public Dictionary<string, string> Tags { get; init; } = new(StringComparer.Ordinal);

    public bool IsDeprecatedAt(DateTimeOffset now) => DeprecationTime is { } time && time <= now;
}
