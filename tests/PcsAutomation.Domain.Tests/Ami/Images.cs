using PcsAutomation.Domain.Ami;

namespace PcsAutomation.Domain.Tests.Ami;

/// <summary>Image records as DescribeImages would answer them, and the fixed "now" of these tests (never the clock).</summary>
internal static class Images
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public const string Account = "111122223333";
    public const string SampleOwner = "679593333241";

    public static AmiImage Sample(string id, string name, string arch, int ageDays, string state = "available", DateTimeOffset? deprecated = null,
        string ownerId = SampleOwner, string? alias = "amazon") =>
        new(id, name, $"AWS PCS sample AMI ({arch})", arch, ownerId, alias, state, Now.AddDays(-ageDays), deprecated, new Dictionary<string, string>());

    public static AmiImage Own(string id, string name, string arch = "x86_64", int ageDays = 1, string? description = null,
        Dictionary<string, string>? tags = null, string ownerId = Account, string state = "available", DateTimeOffset? deprecated = null) =>
        new(id, name, description, arch, ownerId, null, state, Now.AddDays(-ageDays), deprecated, tags ?? new Dictionary<string, string>());

    public static Dictionary<string, string> SlurmTag(string versions) => new() { [AmiSlurmVersions.TagKey] = versions };
}
