using System.Text.Json;

namespace PcsAutomation.Domain.Ami.CustomResource;

/// <summary>The properties read: the key to look up (null when any is wrong) and every problem, each naming its property.</summary>
/// <param name="OperatingSystemDerived">The template gave no <c>OperatingSystem</c>: it came from the Slurm version.</param>
public sealed record AmiLookupPropertiesResult(SampleAmiKey? Key, bool OperatingSystemDerived, IReadOnlyList<string> Problems);

/// <summary>
/// The properties of the guide's <c>Custom::AMILookup</c> resource (L1748-1756): <c>OperatingSystem</c>,
/// <c>Architecture</c> (the guide maps <c>x86</c> to <c>x86_64</c> and <c>Graviton</c> to <c>arm64</c> before passing it,
/// L1560-1562) and <c>SlurmVersion</c> (24.11, 25.05 or 25.11 in the guide's template, L1474-1486). <c>OperatingSystem</c>
/// may be omitted (or empty): it is then the one the version's sample AMIs run, <c>al2023</c> from Slurm 25.11 and
/// <c>amzn2</c> for 25.05 and older (L5574); given, it must be that one. The guide's own example passes <c>amzn2</c>
/// while its template defaults to Slurm 25.11 (L1753, L1478): no such sample AMI exists, so that is refused with the
/// reason rather than answered with an image of another Slurm version.
/// </summary>
public static class AmiLookupProperties
{
    public const string OperatingSystem = "OperatingSystem";
    public const string Architecture = "Architecture";
    public const string SlurmVersion = "SlurmVersion";

    /// <summary>
    /// Properties CloudFormation itself defines for every custom resource (ServiceToken, required, and ServiceTimeout,
    /// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html): not the lookup's, so
    /// neither is refused nor compared.
    /// </summary>
    public static readonly IReadOnlyList<string> CloudFormationProperties = ["ServiceToken", "ServiceTimeout"];

    private static readonly string[] Known = [OperatingSystem, Architecture, SlurmVersion];

    public static AmiLookupPropertiesResult Parse(IReadOnlyDictionary<string, JsonElement>? properties)
    {
        var problems = new List<string>();
        if (properties is null)
        {
            problems.Add($"ResourceProperties is missing: {Known[1]} and {Known[2]} are required");
            return new AmiLookupPropertiesResult(null, false, problems);
        }

        var unknown = properties.Keys.Where(k => !Known.Contains(k) && !CloudFormationProperties.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
            problems.Add($"unknown propert{(unknown.Count == 1 ? "y" : "ies")} {string.Join(", ", unknown)}: Custom::AMILookup takes {OperatingSystem} (optional), {Architecture} and {SlurmVersion} (guide L1748-1756)");

        var slurm = ReadSlurmVersion(properties, problems);
        var architecture = ReadArchitecture(properties, problems);
        var (os, derived) = ReadOperatingSystem(properties, slurm, problems);
        var key = problems.Count == 0 ? new SampleAmiKey(os!, architecture!, slurm!.Value) : null;
        return new AmiLookupPropertiesResult(key, derived, problems);
    }

    private static SlurmVersion? ReadSlurmVersion(IReadOnlyDictionary<string, JsonElement> properties, List<string> problems)
    {
        var text = Scalar(properties, SlurmVersion, problems);
        if (string.IsNullOrEmpty(text))
        {
            if (!HasWrongType(properties, SlurmVersion))
                problems.Add($"{SlurmVersion} is missing: give the cluster's Slurm major version, e.g. 25.11 (guide L1474-1486)");
            return null;
        }
        if (Ami.SlurmVersion.TryParse(text, out var version))
            return version;
        problems.Add($"{SlurmVersion} '{text}' is not a Slurm major version yy.mm such as 25.11 (guide L1474-1486, L6441-6446)");
        return null;
    }

    private static string? ReadArchitecture(IReadOnlyDictionary<string, JsonElement> properties, List<string> problems)
    {
        var text = Scalar(properties, Architecture, problems);
        if (string.IsNullOrEmpty(text))
        {
            if (!HasWrongType(properties, Architecture))
                problems.Add($"{Architecture} is missing: x86_64 or arm64 (guide L1560-1562)");
            return null;
        }
        if (text is CpuArchitectures.X8664 or CpuArchitectures.Arm64)
            return text;
        problems.Add($"{Architecture} '{text}' is not x86_64 or arm64, the spellings of the sample AMI names (guide L5537-5545); the guide's template maps x86 to x86_64 and Graviton to arm64 with Fn::FindInMap (L1560-1562)");
        return null;
    }

    private static (string? Os, bool Derived) ReadOperatingSystem(IReadOnlyDictionary<string, JsonElement> properties, SlurmVersion? slurm, List<string> problems)
    {
        var text = Scalar(properties, OperatingSystem, problems);
        if (string.IsNullOrEmpty(text))
            return (slurm is { } v ? SampleAmiNames.OperatingSystemFor(v) : null, true); // absent, or '' from a template's !If
        if (text is not (SampleAmiNames.Al2023 or SampleAmiNames.Amzn2))
        {
            problems.Add($"{OperatingSystem} '{text}' is not al2023 or amzn2, the systems of the PCS sample AMIs (guide L5537-5574); omit it to get the Slurm version's own");
            return (null, false);
        }
        if (slurm is not { } version)
            return (null, false);
        var expected = SampleAmiNames.OperatingSystemFor(version);
        if (text == expected)
            return (text, false);
        var which = expected == SampleAmiNames.Al2023
            ? $"PCS sample AMIs run al2023 from Slurm {SampleAmiNames.FirstAl2023}"
            : "PCS sample AMIs for Slurm 25.05 and older run amzn2";
        problems.Add($"{OperatingSystem} {text} with {SlurmVersion} {version}: {which} (guide L5574), so no {text} sample AMI holds Slurm {version}; omit {OperatingSystem} or set {expected}");
        return (null, false);
    }

    private static bool HasWrongType(IReadOnlyDictionary<string, JsonElement> properties, string name) =>
        properties.TryGetValue(name, out var value) && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Null);

    /// <summary>
    /// A property's text: strings exactly as given (no trimming: a stray space is shown in the problem, not hidden),
    /// numbers by their JSON text (CloudFormation passes template values as strings, a hand-written event may not);
    /// anything else is a problem naming the property. Null when absent.
    /// </summary>
    private static string? Scalar(IReadOnlyDictionary<string, JsonElement> properties, string name, List<string> problems)
    {
        if (!properties.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.Number:
                return value.GetRawText();
            default:
                problems.Add($"{name} is a JSON {(value.ValueKind is JsonValueKind.Object ? "object" : value.ValueKind is JsonValueKind.Array ? "array" : "boolean")}, not a string");
                return null;
        }
    }
}
