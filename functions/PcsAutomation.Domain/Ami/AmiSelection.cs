using System.Globalization;

namespace PcsAutomation.Domain.Ami;

/// <summary>
/// Chooses an image among what DescribeImages answered for a lookup (<see cref="AmiSearch"/>): every candidate is
/// judged by the same rules, the newest <c>CreationDate</c> among the eligible wins (guide L5570), and the result says
/// why each other candidate was not chosen.
/// </summary>
public static class AmiSelection
{
    /// <param name="parameterValue">For an SSM channel: the AMI id the parameter held (only that image is eligible).</param>
    public static AmiSelectionResult Select(AmiQuery query, IReadOnlyList<AmiImage> candidates, DateTimeOffset now, string? parameterValue = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidates);
        var judged = candidates
            .DistinctBy(c => c.ImageId, StringComparer.Ordinal)
            .Select(c => (Image: c, Versions: SlurmVersionsOf(query, c), Failures: Failures(query, c, now, parameterValue)))
            .ToList();
        var rejected = judged
            .Where(j => j.Failures.Count > 0)
            .Select(j => new AmiRejection(j.Image.ImageId, j.Image.Name, j.Failures[0].Rule, string.Join("; ", j.Failures.Select(f => f.Reason))))
            .ToList();
        // Newest first; equal dates go to the greater image id, so the choice never depends on EC2's answer order.
        var eligible = judged
            .Where(j => j.Failures.Count == 0)
            .OrderByDescending(j => j.Image.CreationDate)
            .ThenByDescending(j => j.Image.ImageId, StringComparer.Ordinal)
            .ToList();
        var notes = new List<string>();
        AddEndOfLifeNote(query.SlurmVersion, now, notes);
        if (eligible.Count == 0)
        {
            var why = candidates.Count == 0
                ? $"no image found for {Describe(query)}"
                : $"none of the {judged.Count} images found for {Describe(query)} is eligible";
            return new AmiSelectionResult(null, null, why, Ordered(rejected), notes);
        }

        var chosen = eligible[0];
        foreach (var other in eligible.Skip(1))
        {
            var reason = other.Image.CreationDate == chosen.Image.CreationDate
                ? $"created {Iso(other.Image.CreationDate!.Value)}, the same time as {chosen.Image.ImageId}: equal dates go to the greater image id"
                : $"created {Iso(other.Image.CreationDate!.Value)}, before {chosen.Image.ImageId} ({Iso(chosen.Image.CreationDate!.Value)}): the newest wins (guide L5570)";
            rejected.Add(new AmiRejection(other.Image.ImageId, other.Image.Name, AmiRules.Older, reason));
        }
        if (query.Channel.Kind == AmiChannelKind.Sample)
            notes.Insert(0, "PCS sample AMIs are for demonstration only and not recommended for production workloads (guide L5522-5524): build a custom AMI with the PCS agent and Slurm for production (L5614).");
        return new AmiSelectionResult(chosen.Image, chosen.Versions, ChosenBecause(query, eligible.Count), Ordered(rejected), notes);
    }

    private static List<AmiRejection> Ordered(List<AmiRejection> rejected) =>
        [.. rejected.OrderBy(r => r.Rule == AmiRules.Older ? 1 : 0).ThenBy(r => r.ImageId, StringComparer.Ordinal)];

    private static string ChosenBecause(AmiQuery query, int eligible) =>
        query.Channel.Kind == AmiChannelKind.Ssm
            ? $"the AMI SSM parameter {query.Channel.ParameterName} holds, checked for Slurm {query.SlurmVersion} on {query.Architecture}"
            : $"newest CreationDate among {eligible} eligible {Describe(query)} (guide L5570{(query.Channel.Kind == AmiChannelKind.Sample ? ", L5580-5599" : "")})";

    private static string Describe(AmiQuery query)
    {
        var channel = query.Channel;
        return channel.Kind switch
        {
            AmiChannelKind.Sample => $"PCS sample AMIs {SampleAmiNames.NameFilter(SampleAmiNames.OperatingSystemFor(query.SlurmVersion), query.Architecture, query.SlurmVersion)} owned by amazon",
            AmiChannelKind.Custom => $"AMIs named {channel.NamePattern} owned by {channel.Owner} for Slurm {query.SlurmVersion} on {query.Architecture}",
            AmiChannelKind.Tag => $"AMIs tagged {channel.TagKey}={channel.TagValue} owned by {channel.Owner} for Slurm {query.SlurmVersion} on {query.Architecture}",
            _ => $"SSM parameter {channel.ParameterName} for Slurm {query.SlurmVersion} on {query.Architecture}",
        };
    }

    private static DeclaredSlurmVersions SlurmVersionsOf(AmiQuery query, AmiImage image) =>
        query.Channel.Kind == AmiChannelKind.Sample && IsSampleNamed(query, image)
            ? AmiSlurmVersions.FromSampleName(query.SlurmVersion)
            : AmiSlurmVersions.Read(image);

    private static bool IsSampleNamed(AmiQuery query, AmiImage image) =>
        SampleAmiNames.IsNamed(image.Name, SampleAmiNames.BaseName(SampleAmiNames.OperatingSystemFor(query.SlurmVersion), query.Architecture, query.SlurmVersion));

    private static List<(string Rule, string Reason)> Failures(AmiQuery query, AmiImage image, DateTimeOffset now, string? parameterValue)
    {
        var failures = new List<(string, string)>();
        if (OwnerProblem(query, image) is { } owner)
            failures.Add((AmiRules.Owner, owner));
        if (IdentityProblem(query, image, parameterValue) is { } identity)
            failures.Add(identity);
        if (image.State != AmiImage.Available)
            failures.Add((AmiRules.State, $"state {image.State ?? "unknown"}, not available (guide L5896-5905: an AMI is usable once Available)"));
        if (image.IsDeprecatedAt(now))
            failures.Add((AmiRules.Deprecated, $"deprecated since {Iso(image.DeprecationTime!.Value)}"));
        if (image.Architecture != query.Architecture)
            failures.Add((AmiRules.Architecture, $"architecture {image.Architecture ?? "unknown"}, not {query.Architecture}"));
        if (image.CreationDate is null)
            failures.Add((AmiRules.CreationDate, "no readable CreationDate, so it cannot be ranked"));
        if (SlurmProblem(query, image) is { } slurm)
            failures.Add((AmiRules.SlurmVersion, slurm));
        return failures;
    }

    private static string? OwnerProblem(AmiQuery query, AmiImage image)
    {
        var expected = query.Channel.Owner;
        var actual = $"owner {image.OwnerId ?? "unknown"}{(image.OwnerAlias is { } alias ? $" ({alias})" : "")}";
        return expected switch
        {
            null => null, // SSM: the parameter names the image, whoever owns it
            AmiChannel.AmazonOwner when image.OwnerAlias != AmiChannel.AmazonOwner =>
                query.Channel.Kind == AmiChannelKind.Sample
                    ? $"{actual}, not amazon: PCS sample AMIs are published by amazon (guide L5587)"
                    : $"{actual}, not amazon",
            AmiChannel.SelfOwner when query.AccountId is { } account && image.OwnerId != account => $"{actual}, not this account {account}",
            not (AmiChannel.AmazonOwner or AmiChannel.SelfOwner) when image.OwnerId != expected => $"{actual}, not {expected}",
            _ => null,
        };
    }

    private static (string, string)? IdentityProblem(AmiQuery query, AmiImage image, string? parameterValue)
    {
        var channel = query.Channel;
        return channel.Kind switch
        {
            AmiChannelKind.Sample when !IsSampleNamed(query, image) =>
                (AmiRules.Name, $"name {image.Name ?? "(none)"} is not {SampleAmiNames.BaseName(SampleAmiNames.OperatingSystemFor(query.SlurmVersion), query.Architecture, query.SlurmVersion)} or it followed by a -, _ or . suffix: a look-alike (guide L5537-5545, L5574)"),
            AmiChannelKind.Custom when !AmiNamePattern.Matches(channel.NamePattern!, image.Name) =>
                (AmiRules.Name, $"name {image.Name ?? "(none)"} does not match {channel.NamePattern}"),
            AmiChannelKind.Tag when !(image.Tags.TryGetValue(channel.TagKey!, out var value) && value == channel.TagValue) =>
                (AmiRules.Tag, $"tag {channel.TagKey} is {(image.Tags.TryGetValue(channel.TagKey!, out var v) ? $"'{v}'" : "absent")}, not '{channel.TagValue}'"),
            AmiChannelKind.Ssm when image.ImageId != parameterValue =>
                (AmiRules.ImageId, $"not the image SSM parameter {channel.ParameterName} holds ({parameterValue ?? "none"})"),
            _ => null,
        };
    }

    private static string? SlurmProblem(AmiQuery query, AmiImage image)
    {
        if (query.Channel.Kind == AmiChannelKind.Sample)
            return null; // the name rule already pins the version (a sample AMI holds the one its name says)
        var declared = AmiSlurmVersions.Read(image);
        if (declared.Problem is { } problem)
            return problem;
        if (declared.Versions.Count == 0)
            return $"declares no Slurm version: tag {AmiSlurmVersions.TagKey} (e.g. 25.05,25.11) or 'Slurm yy.mm' in its Description (guide L5776-5778: one AMI may hold several)";
        return declared.Holds(query.SlurmVersion)
            ? null
            : $"holds Slurm {string.Join(", ", declared.Versions)} (from its {declared.Source}), not {query.SlurmVersion}";
    }

    private static void AddEndOfLifeNote(SlurmVersion version, DateTimeOffset now, List<string> notes)
    {
        var release = SlurmReleases.Find(version);
        if (release is null)
            notes.Add($"Slurm {version} is not in this automation's release data (guide L6441-6454): the pre-flight refuses it until the data knows it.");
        else if (release.IsEndOfLifeAt(now))
            notes.Add($"Slurm {version} reached its PCS end of life on {Day(release.PcsEndOfLife)} (guide L6441-6454): the pre-flight refuses it.");
        else if (release.PcsEndOfLife.ToDateTime(TimeOnly.MinValue) <= now.UtcDateTime.AddMonths(6))
            notes.Add($"Slurm {version} reaches its PCS end of life on {Day(release.PcsEndOfLife)} (guide L6441-6446; PCS emails 6 months before, L6547).");
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
