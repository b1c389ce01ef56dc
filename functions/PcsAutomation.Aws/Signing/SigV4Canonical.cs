using System.Globalization;
using System.Text;

namespace PcsAutomation.Aws.Signing;

/// <summary>The canonical forms of SigV4 task 1: URI path, query string and headers.</summary>
internal static class SigV4Canonical
{
    /// <summary>Removes "." and ".." segments and empty segments, keeps a trailing slash, then encodes each segment once.</summary>
    /// <remarks>Every service but S3 normalizes the path (the suite's normalize-path cases).</remarks>
    public static string Path(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
                continue;
            if (segment == "..")
            {
                if (segments.Count > 0)
                    segments.RemoveAt(segments.Count - 1);
                continue;
            }
            segments.Add(Encode(segment));
        }

        if (segments.Count == 0)
            return "/";
        var trailing = path.EndsWith('/') ? "/" : "";
        return "/" + string.Join('/', segments) + trailing;
    }

    /// <summary>Decodes then re-encodes each name and value, and sorts by name, then value (byte order).</summary>
    public static string Query(string query)
    {
        if (query.Length == 0)
            return "";
        var pairs = new List<(string Name, string Value)>();
        foreach (var part in query.Split('&'))
        {
            if (part.Length == 0)
                continue;
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? "" : part[(equals + 1)..];
            pairs.Add((Encode(Uri.UnescapeDataString(name)), Encode(Uri.UnescapeDataString(value))));
        }

        pairs.Sort((a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });
        return string.Join('&', pairs.Select(p => $"{p.Name}={p.Value}"));
    }

    /// <summary>Lower-case names sorted; values trimmed with inner runs of whitespace collapsed; duplicates joined by ','.</summary>
    public static SortedDictionary<string, string> Headers(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var canonical = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            var key = name.Trim().ToLowerInvariant();
            var clean = CollapseWhitespace(value);
            canonical[key] = canonical.TryGetValue(key, out var existing) ? existing + "," + clean : clean;
        }

        return canonical;
    }

    /// <summary>RFC 3986 encoding: unreserved characters as they are, every other UTF-8 byte as %XX (upper case).</summary>
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
                builder.Append(c);
            else
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    private static string CollapseWhitespace(string value)
    {
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
                builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }

        return builder.ToString();
    }
}
