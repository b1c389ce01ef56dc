using PcsAutomation.LocalAws.Host;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.Host;

/// <summary>The emulator's signature check against the official AWS SigV4 test suite (shared/reference/sigv4).</summary>
public class SigV4SuiteTests
{
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var req in Directory.GetFiles(Reference.Path("sigv4/aws4_testsuite"), "*.req", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            if (File.Exists(Path.ChangeExtension(req, ".authz"))) data.Add(Path.GetRelativePath(Reference.Path("sigv4/aws4_testsuite"), req));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Signature_SuiteRequest_MatchesExpectedAuthorization(string relativePath)
    {
        var file = Path.Combine(Reference.Path("sigv4/aws4_testsuite"), relativePath);
        var expected = SigV4.Parse(File.ReadAllText(Path.ChangeExtension(file, ".authz")).Trim(), out _)!;
        // The signed request (.sreq) also carries headers some .req files leave out (the session token case).
        var signed = Path.ChangeExtension(file, ".sreq");
        var (method, path, query, headers, body) = ParseRequest(File.ReadAllText(File.Exists(signed) ? signed : file));
        var amzDate = headers.First(h => string.Equals(h.Name, "X-Amz-Date", StringComparison.OrdinalIgnoreCase)).Value;

        var canonical = SigV4.CanonicalRequest(method, path, query, headers, expected.SignedHeaders, SigV4.PayloadHash(System.Text.Encoding.UTF8.GetBytes(body)));
        var signature = SigV4.Signature(SecretKey, expected, SigV4.StringToSign(amzDate, expected.Scope, canonical));

        Assert.Equal(expected.Signature, signature);
    }

    private static (string Method, string Path, string Query, List<(string Name, string Value)> Headers, string Body) ParseRequest(string text)
    {
        var separator = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = separator < 0 ? text : text[..separator];
        var body = separator < 0 ? "" : text[(separator + 2)..];
        var lines = head.Split('\n');
        var requestLine = lines[0];
        var target = requestLine[(requestLine.IndexOf(' ', StringComparison.Ordinal) + 1)..requestLine.LastIndexOf(" HTTP/", StringComparison.Ordinal)];
        var q = target.IndexOf('?', StringComparison.Ordinal);
        var headers = new List<(string Name, string Value)>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            if (line.StartsWith(' ') || line.StartsWith('\t'))
            {
                var last = headers[^1];
                headers[^1] = (last.Name, last.Value + " " + line.Trim());
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add((line[..colon], line[(colon + 1)..]));
        }
        return (requestLine[..requestLine.IndexOf(' ', StringComparison.Ordinal)], q < 0 ? target : target[..q], q < 0 ? "" : target[q..], headers, body);
    }
}
