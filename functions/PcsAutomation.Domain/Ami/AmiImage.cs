namespace PcsAutomation.Domain.Ami;

/// <summary>
/// One image as DescribeImages answers it (the fields the rules read). <see cref="CreationDate"/> is null when EC2's
/// text could not be read; <see cref="DeprecationTime"/> is null when the image has none.
/// </summary>
public sealed record AmiImage(
    string ImageId,
    string? Name,
    string? Description,
    string? Architecture,
    string? OwnerId,
    string? OwnerAlias,
    string? State,
    DateTimeOffset? CreationDate,
    DateTimeOffset? DeprecationTime,
    IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>EC2 image state <c>available</c>: the only one usable (guide L5896-5905: wait for Pending to become Available).</summary>
    public const string Available = "available";

    public bool IsDeprecatedAt(DateTimeOffset now) => DeprecationTime is { } time && time <= now;
}
