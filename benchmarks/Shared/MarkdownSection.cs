namespace PcsAutomation.Benchmarks;

/// <summary>
/// One benchmark's section of docs/benchmarks.md, between its own start and end markers: rewritten in place, or appended
/// when the file has none yet; the rest of the file is kept as it is. Linked into each benchmark that writes a section.
/// </summary>
internal static class MarkdownSection
{
    public static string Merge(string? existing, string section, string startMarker, string endMarker)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (string.IsNullOrEmpty(existing)) return section;
        var start = existing.IndexOf(startMarker, StringComparison.Ordinal);
        var end = existing.IndexOf(endMarker, StringComparison.Ordinal);
        if (start >= 0 && end > start)
        {
            var after = end + endMarker.Length;
            if (after < existing.Length && existing[after] == '\n') after++;
            return existing[..start] + section + existing[after..];
        }
        return existing.TrimEnd('\n') + "\n\n" + section;
    }
}
