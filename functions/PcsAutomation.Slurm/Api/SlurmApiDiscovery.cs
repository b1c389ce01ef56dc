using System.Text.Json;

namespace PcsAutomation.Slurm.Api;

/// <summary>
/// Which API version to speak, from the server's OpenAPI document (guide L6978: the version follows the Slurm release;
/// discovered rather than assumed, issue 12): the newest <c>/slurm/v0.0.NN/</c> the client knows, v0.0.43 or newer, and
/// whether that version offers reservations. Pure: the document comes in as bytes.
/// </summary>
public static class SlurmApiDiscovery
{
    /// <summary>The choice from an OpenAPI document (<c>{"paths": {"/slurm/v0.0.43/ping/": {"get": ...}}}</c>).</summary>
    public static SlurmApiChoice Choose(ReadOnlySpan<byte> openApiDocument) => Choose(Operations(openApiDocument));

    /// <summary>The choice from the operations a document lists, each "METHOD /path" without a trailing slash.</summary>
    public static SlurmApiChoice Choose(IReadOnlySet<string> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var offered = operations
            .Select(op => op.Split(' ', 2) is [_, var path] && path.StartsWith("/slurm/", StringComparison.Ordinal) ? path.Split('/')[2] : null)
            .OfType<string>()
            .Select(SlurmApiVersion.TryParse)
            .OfType<SlurmApiVersion>()
            .Distinct()
            .Order()
            .ToList();
        var known = string.Join(", ", SlurmApiVersion.Known);

        if (offered.Count == 0)
            return SlurmApiChoice.Refused(offered,
                "its OpenAPI document lists no /slurm/v0.0.NN/ operation (is slurmrestd's openapi/slurmctld plugin loaded?)");

        var usable = offered.Where(v => v.IsKnown).OrderDescending().ToList();
        if (usable.Count == 0)
        {
            return offered[^1] < SlurmApiVersion.Minimum
                ? SlurmApiChoice.Refused(offered,
                    $"it offers {string.Join(", ", offered)}; the client needs {SlurmApiVersion.Minimum} or newer (Slurm 25.05+, guide L6707, L6978) and knows {known}")
                : SlurmApiChoice.Refused(offered,
                    $"it offers {string.Join(", ", offered)}, none of which this client knows ({known}): a newer pcs-automation knows newer versions");
        }

        var missing = new List<string>();
        foreach (var version in usable)
        {
            var paths = new SlurmApiPaths(version);
            var absent = paths.Required.Where(op => !operations.Contains(op)).ToList();
            if (absent.Count > 0)
            {
                missing.Add($"{version} lacks {string.Join(", ", absent)}");
                continue;
            }
            var reservations = paths.ReservationOperations.All(operations.Contains);
            return SlurmApiChoice.Chosen(offered, version, new SlurmRestCapabilities(reservations));
        }
        return SlurmApiChoice.Refused(offered, $"it offers {string.Join(", ", offered)} but {string.Join("; ", missing)}");
    }

    /// <summary>Every "METHOD /path" of the document's <c>paths</c>, methods upper case, trailing slashes trimmed.</summary>
    public static IReadOnlySet<string> Operations(ReadOnlySpan<byte> openApiDocument)
    {
        var reader = new Utf8JsonReader(openApiDocument);
        using var document = JsonDocument.ParseValue(ref reader);
        var operations = new HashSet<string>(StringComparer.Ordinal);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("paths", out var paths) || paths.ValueKind != JsonValueKind.Object)
            return operations;
        foreach (var path in paths.EnumerateObject())
        {
            if (path.Value.ValueKind != JsonValueKind.Object)
                continue;
            var name = path.Name.Length > 1 ? path.Name.TrimEnd('/') : path.Name;
            foreach (var method in path.Value.EnumerateObject())
            {
                if (method.Name is "get" or "post" or "put" or "delete" or "patch")
                    operations.Add($"{method.Name.ToUpperInvariant()} {name}");
            }
        }
        return operations;
    }
}

/// <summary>What a server's version offers beyond the basics (ping, jobs, nodes, node update).</summary>
/// <param name="Reservations">
/// Reservations can be listed, created and deleted (GET /reservations/, POST /reservation, DELETE /reservation/{name}).
/// Without them a workflow drains instead (issue 12).
/// </param>
public sealed record SlurmRestCapabilities(bool Reservations);

/// <summary>The version chosen and what it offers, or why none could be.</summary>
public sealed record SlurmApiChoice
{
    private SlurmApiChoice(IReadOnlyList<SlurmApiVersion> offered, SlurmApiVersion? version, SlurmRestCapabilities? capabilities, string? refusal)
    {
        Offered = offered;
        Version = version;
        Capabilities = capabilities;
        Refusal = refusal;
    }

    /// <summary>Every <c>v0.0.NN</c> the document lists, oldest first.</summary>
    public IReadOnlyList<SlurmApiVersion> Offered { get; }

    public SlurmApiVersion? Version { get; }

    public SlurmRestCapabilities? Capabilities { get; }

    /// <summary>Why no version can be used ("it offers v0.0.42; the client needs v0.0.43 or newer ..."), when none.</summary>
    public string? Refusal { get; }

    internal static SlurmApiChoice Chosen(IReadOnlyList<SlurmApiVersion> offered, SlurmApiVersion version, SlurmRestCapabilities capabilities) =>
        new(offered, version, capabilities, null);

    internal static SlurmApiChoice Refused(IReadOnlyList<SlurmApiVersion> offered, string refusal) => new(offered, null, null, refusal);
}
