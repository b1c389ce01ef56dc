using Amazon.Runtime;
using PcsAutomation.Aws.Signing;

namespace PcsAutomation.Aws.Tests.Signing;

public class SigV4SignerTests
{
    // The suite's fixed inputs (reference/README.md, "SigV4 test-suite assumptions").
    private const string AccessKey = "AKIDEXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly SigV4Scope Scope = new("us-east-1", "service", new DateTimeOffset(2015, 8, 30, 12, 36, 0, TimeSpan.Zero));

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var testCase in SigV4TestSuite.Cases())
            data.Add(testCase.Name);
        return data;
    }

    [Fact]
    public void Suite_DiscoveredCases_AreAll34()
    {
        Assert.Equal(34, SigV4TestSuite.Cases().Count);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Sign_SuiteCase_MatchesCanonicalRequestStringToSignAndAuthorization(string name)
    {
        var testCase = SigV4TestSuite.Cases().Single(c => c.Name == name);
        var raw = RawHttpRequest.Parse(testCase.Read(".req"));
        var request = new SigV4Request(raw.Method, raw.Path, raw.Query, raw.Headers, raw.Body);

        var signature = SigV4Signer.Sign(request, Credentials(testCase), Scope, Placement(testCase));

        Assert.Equal(testCase.Read(".creq"), signature.CanonicalRequest);
        Assert.Equal(testCase.Read(".sts"), signature.StringToSign);
        Assert.Equal(testCase.Read(".authz"), signature.Authorization);
    }

    [Fact]
    public void Sign_SessionTokenAddedAfterSigning_IsReturnedButNotSigned()
    {
        var testCase = SigV4TestSuite.Cases().Single(c => c.Name == "post-sts-token/post-sts-header-after");
        var raw = RawHttpRequest.Parse(testCase.Read(".req"));
        var credentials = Credentials(testCase);

        var signature = SigV4Signer.Sign(new SigV4Request(raw.Method, raw.Path, raw.Query, raw.Headers, raw.Body), credentials, Scope, SessionTokenPlacement.AfterSigning);

        var added = Assert.Single(signature.HeadersToAdd);
        Assert.Equal(SigV4Signer.SecurityTokenHeader, added.Key);
        Assert.Equal(credentials.Token, added.Value);
        Assert.DoesNotContain("x-amz-security-token", signature.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_DifferentTime_ChangesSignature()
    {
        var request = new SigV4Request("POST", "/", "", [new("Host", "pcs.us-east-1.amazonaws.com")], Array.Empty<byte>());
        var credentials = new ImmutableCredentials(AccessKey, SecretKey, null);

        var first = SigV4Signer.Sign(request, credentials, Scope);
        var later = SigV4Signer.Sign(request, credentials, Scope with { Time = Scope.Time.AddSeconds(1) });

        Assert.NotEqual(first.Authorization, later.Authorization);
    }

    // The suite gives the session token only in the signed request (.sreq) when the .req lacks it.
    private static ImmutableCredentials Credentials(SigV4TestCase testCase)
    {
        var signedRequest = RawHttpRequest.Parse(testCase.Read(".sreq"));
        var token = signedRequest.Headers.FirstOrDefault(h => h.Key == SigV4Signer.SecurityTokenHeader).Value;
        return new ImmutableCredentials(AccessKey, SecretKey, token);
    }

    // post-sts-token/readme.txt: in post-sts-header-after the token is added after the signature is calculated.
    private static SessionTokenPlacement Placement(SigV4TestCase testCase) =>
        testCase.Name.EndsWith("post-sts-header-after", StringComparison.Ordinal) ? SessionTokenPlacement.AfterSigning : SessionTokenPlacement.InSignedHeaders;
}
