using System.Text;

namespace PcsAutomation.Aws.Tests.Signing;

/// <summary>One case of the official SigV4 suite (<c>../shared/reference/sigv4/aws4_testsuite</c>): a folder with .req, .creq, .sts, .authz, .sreq.</summary>
public sealed record SigV4TestCase(string Name, string Directory)
{
    public string File(string extension) => Path.Combine(Directory, Path.GetFileName(Directory) + extension);

    public string Read(string extension) => System.IO.File.ReadAllText(File(extension), Encoding.UTF8);

    public override string ToString() => Name;
}

/// <summary>Finds the suite beside the repository and parses its raw HTTP request files.</summary>
public static class SigV4TestSuite
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PcsAutomation.sln")))
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "reference", "sigv4", "aws4_testsuite"));
            }

            throw new DirectoryNotFoundException("PcsAutomation.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Every folder holding a .req file named after the folder (nested ones included, e.g. normalize-path/get-space).</summary>
    public static IReadOnlyList<SigV4TestCase> Cases() =>
        Directory.EnumerateDirectories(Root, "*", SearchOption.AllDirectories)
            .Where(d => File.Exists(Path.Combine(d, Path.GetFileName(d) + ".req")))
            .Select(d => new SigV4TestCase(Path.GetRelativePath(Root, d).Replace('\\', '/'), d))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
}

/// <summary>A raw HTTP/1.1 request as the suite writes it: no space after header colons, folded header lines, body after a blank line.</summary>
public sealed record RawHttpRequest(string Method, string Path, string Query, List<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public static RawHttpRequest Parse(string text)
    {
        var headerEnd = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = headerEnd < 0 ? text : text[..headerEnd];
        var body = headerEnd < 0 ? "" : text[(headerEnd + 2)..];
        var lines = head.Split('\n');

        // The target may contain spaces (normalize-path/get-space): method is before the first space, version after the last.
        var requestLine = lines[0];
        var method = requestLine[..requestLine.IndexOf(' ', StringComparison.Ordinal)];
        var target = requestLine[(method.Length + 1)..requestLine.LastIndexOf(' ')];
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? "" : target[(question + 1)..];

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            if (line.Length == 0)
                continue; // a trailing newline without a body
            if (line.Length > 0 && char.IsWhiteSpace(line[0]))
            {
                // obsolete line folding (get-header-value-multiline): the continuation belongs to the previous value
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + " " + line.Trim());
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon], line[(colon + 1)..]));
        }

        return new RawHttpRequest(method, path, query, headers, Encoding.UTF8.GetBytes(body));
    }
}
