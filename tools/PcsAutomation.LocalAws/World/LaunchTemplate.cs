namespace PcsAutomation.LocalAws.World;

/// <summary>An EC2 launch template with numbered versions (what PCS node groups point at).</summary>
public sealed class LaunchTemplate
{
    public required string LaunchTemplateId { get; init; }
    public required string LaunchTemplateName { get; init; }
    public required DateTimeOffset CreateTime { get; init; }
    public List<LaunchTemplateVersion> Versions { get; } = [];
    public int DefaultVersion { get; set; } = 1;

    public LaunchTemplateVersion? Find(string version) =>
        version switch
        {
            "$Latest" => Versions.LastOrDefault(),
            "$Default" => Versions.FirstOrDefault(v => v.VersionNumber == DefaultVersion),
            _ => int.TryParse(version, out var n) ? Versions.FirstOrDefault(v => v.VersionNumber == n) : null,
        };
}

/// <summary>The launch template data the emulator cares about (TagSpecifications: resource type → tags).</summary>
public sealed record LaunchTemplateVersion(
    int VersionNumber,
    DateTimeOffset CreateTime,
    string? ImageId,
    string? InstanceType,
    string? CapacityReservationId,
    string? MarketType,
    string? Description = null,
    string? UserData = null,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? TagSpecifications = null);
