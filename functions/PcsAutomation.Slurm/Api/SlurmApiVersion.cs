using System.Globalization;

namespace PcsAutomation.Slurm.Api;

/// <summary>
/// A slurmrestd data parser version, <c>v0.0.NN</c>: v0.0.43 is Slurm 25.05 (guide L6978), v0.0.44 Slurm 25.11, v0.0.45
/// Slurm 26.05 (the <c>info.version</c> of SlinkyProject/slurm-client api/v0043, v0044, v0045 slurm-openapi.gen.json).
/// </summary>
public readonly record struct SlurmApiVersion(int Number) : IComparable<SlurmApiVersion>
{
    /// <summary>The oldest this client uses: Slurm 25.05, the first PCS release with the REST API (guide L6707).</summary>
    public static SlurmApiVersion Minimum { get; } = new(43);

    /// <summary>
    /// The versions whose wire shapes this client was checked against, oldest first. For every member it reads or writes
    /// (ping, jobs, nodes, node update, reservations, errors) v0.0.44 and v0.0.45 have the shape of v0.0.43; they only add
    /// enum values (node states, reservation flags) and, in v0.0.45, deprecate ping's <c>pinged</c>/<c>mode</c> and node
    /// update's <c>reason_uid</c>, which the client does not use. A newer server version is used only once it is added here.
    /// </summary>
    public static IReadOnlyList<SlurmApiVersion> Known { get; } = [new(43), new(44), new(45)];

    /// <summary>"v0.0.43" → 43; null for anything else.</summary>
    public static SlurmApiVersion? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string prefix = "v0.0.";
        if (!text.StartsWith(prefix, StringComparison.Ordinal)
            || !int.TryParse(text.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return null;
        return new SlurmApiVersion(number);
    }

    public bool IsKnown => Known.Contains(this);

    /// <summary>"/slurm/v0.0.43".</summary>
    public string SlurmPrefix => $"/slurm/{this}";

    public int CompareTo(SlurmApiVersion other) => Number.CompareTo(other.Number);

    public static bool operator <(SlurmApiVersion left, SlurmApiVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(SlurmApiVersion left, SlurmApiVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(SlurmApiVersion left, SlurmApiVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(SlurmApiVersion left, SlurmApiVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"v0.0.{Number}");
}
