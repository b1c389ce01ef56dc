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

    /// <summary>The command as run and the options it takes, as two fenced blocks (bash, then text), each followed by a blank line.</summary>
    public static string CommandAndUsage(string command, string usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        return $"```bash\n{command}\n```\n\n```text\n{usage.TrimEnd()}\n```\n\n";
    }
}
