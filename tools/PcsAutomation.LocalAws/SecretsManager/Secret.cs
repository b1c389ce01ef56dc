using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.SecretsManager;

/// <summary>A Secrets Manager secret with its versions and staging labels.</summary>
public sealed class Secret
{
    public const string Current = "AWSCURRENT";
    public const string Previous = "AWSPREVIOUS";
    public const string Pending = "AWSPENDING";

    public required string Arn { get; init; }
    public required string Name { get; init; }
    public string? Description { get; set; }
    public string? KmsKeyId { get; set; }
    public required DateTimeOffset CreatedDate { get; init; }
    public DateTimeOffset? LastChangedDate { get; set; }
    public DateTimeOffset? LastRotatedDate { get; set; }
    public DateTimeOffset? LastAccessedDate { get; set; }
    public DateTimeOffset? DeletedDate { get; set; }
    public bool? RotationEnabled { get; set; }
    public string? RotationLambdaArn { get; set; }
    public JsonObject? RotationRules { get; set; }
    public DateTimeOffset? NextRotationDate { get; set; }

    /// <summary>"pcs" for the cluster secret: a managed secret rotated by the owning service (guide L2229-2231).</summary>
    public string? OwningService { get; init; }
    public List<KeyValuePair<string, string>> Tags { get; } = [];
    public List<SecretVersion> Versions { get; } = [];

    /// <summary>The rotation in flight, if any (between RotationStarted and its outcome).</summary>
    public Clock.ScheduledWork? RotationInFlight { get; set; }

    public SecretVersion? VersionWithStage(string stage) => Versions.FirstOrDefault(v => v.Stages.Contains(stage));

    public SecretVersion? FindVersion(string versionId) => Versions.FirstOrDefault(v => v.VersionId == versionId);

    /// <summary>Moves <paramref name="stage"/> to <paramref name="target"/>, removing it from whichever version held it.</summary>
    public void MoveStage(string stage, SecretVersion target)
    {
        foreach (var version in Versions) version.Stages.Remove(stage);
        target.Stages.Add(stage);
    }

    /// <summary>Makes <paramref name="target"/> AWSCURRENT; the former current version becomes AWSPREVIOUS.</summary>
    public void Promote(SecretVersion target)
    {
        var former = VersionWithStage(Current);
        if (former == target) return;
        MoveStage(Current, target);
        if (former is not null) MoveStage(Previous, former);
    }

    /// <summary>Secrets Manager drops versions that have no staging label beyond the ~100 most recent.</summary>
    public void PruneUnlabelledVersions(int keep = 100)
    {
        var unlabelled = Versions.Where(v => v.Stages.Count == 0).OrderBy(v => v.CreatedDate).ToList();
        foreach (var stale in unlabelled.Take(Math.Max(0, unlabelled.Count - keep))) Versions.Remove(stale);
    }
}

/// <summary>One version of a secret; the value never leaves the emulator except through GetSecretValue.</summary>
public sealed class SecretVersion
{
    public required string VersionId { get; init; }
    public string? SecretString { get; init; }
    public byte[]? SecretBinary { get; init; }
    public required DateTimeOffset CreatedDate { get; init; }
    public DateTimeOffset? LastAccessedDate { get; set; }
    public HashSet<string> Stages { get; } = new(StringComparer.Ordinal);

    public bool SameValueAs(string? secretString, byte[]? secretBinary) =>
        SecretString == secretString &&
        ((SecretBinary is null && secretBinary is null) ||
         (SecretBinary is not null && secretBinary is not null && SecretBinary.AsSpan().SequenceEqual(secretBinary)));
}
