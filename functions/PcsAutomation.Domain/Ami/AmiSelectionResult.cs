namespace PcsAutomation.Domain.Ami;

/// <summary>The rules a candidate image is judged by; <see cref="AmiRejection.Rule"/> names the first it failed.</summary>
public static class AmiRules
{
    public const string Owner = "owner";
    public const string Name = "name";
    public const string Tag = "tag";
    public const string ImageId = "image-id";
    public const string State = "state";
    public const string Deprecated = "deprecated";
    public const string Architecture = "architecture";
    public const string CreationDate = "creation-date";
    public const string SlurmVersion = "slurm-version";
    public const string Older = "older";
}

/// <summary>Why one candidate was not chosen: the first rule it failed and every reason (joined with "; ").</summary>
public sealed record AmiRejection(string ImageId, string? Name, string Rule, string Reason);

/// <summary>
/// A lookup's answer: the chosen image (null when none is eligible), the Slurm versions it declares and where they
/// were read, the rule that chose it (or why nothing was), why every other candidate was rejected, and notes the
/// operator must read (sample AMIs are for demonstration only, end of life).
/// </summary>
public sealed record AmiSelectionResult(
    AmiImage? Chosen,
    DeclaredSlurmVersions? ChosenSlurmVersions,
    string Rule,
    IReadOnlyList<AmiRejection> Rejected,
    IReadOnlyList<string> Notes)
{
    public bool Found => Chosen is not null;
}
