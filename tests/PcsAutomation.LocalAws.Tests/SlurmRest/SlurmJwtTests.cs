using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.SlurmRest;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.SlurmRest;

/// <summary>The emulated slurmctld's token check (guide L6866-6962, digest line 19), independent of any minting code but the tests'.</summary>
public class SlurmJwtTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Key = Convert.FromBase64String("c2VjcmV0LWtleS1vZi10aGUtY2x1c3Rlci0zMi1ieXRlcyE=");

    private static (SlurmJwtIdentity? Identity, string Failure) Verify(string token, DateTimeOffset? at = null)
    {
        var identity = SlurmJwt.Verify(token, Key, at ?? Now, out var failure);
        return (identity, failure);
    }

    [Fact] // guide L6946-6958: the Python example's claims, user name in "sub"
    public void Verify_GuidePythonExampleClaims_IdentityFromSub()
    {
        var (identity, failure) = Verify(SlurmTokens.Mint(Key, Now));

        Assert.Equal("", failure);
        Assert.Equal(new SlurmJwtIdentity("ec2-user", 1000, 1000), identity);
    }

    [Theory] // guide L6869, L6879-6883: sun, or username, or a name inside id
    [InlineData("sun")]
    [InlineData("username")]
    public void Verify_UserNameInOtherClaim_Accepted(string claim)
    {
        var token = SlurmTokens.Mint(Key, Now, edit: c =>
        {
            c.Remove("sub");
            c[claim] = "alice";
        });

        Assert.Equal("alice", Verify(token).Identity?.UserName);
    }

    [Fact]
    public void Verify_NameInsideId_Accepted()
    {
        var token = SlurmTokens.Mint(Key, Now, edit: c =>
        {
            c.Remove("sub");
            c["id"]!["name"] = "bob";
        });

        Assert.Equal("bob", Verify(token).Identity?.UserName);
    }

    [Fact] // guide L7105-7117: a token not signed with the cluster's key is refused
    public void Verify_SignedWithAnotherKey_Refused()
    {
        var other = Key.Select(b => (byte)(b ^ 0x5a)).ToArray();

        var (identity, failure) = Verify(SlurmTokens.Mint(other, Now));

        Assert.Null(identity);
        Assert.Contains("signature", failure, StringComparison.Ordinal);
    }

    [Fact] // auth_jwt.c: exp < now is "token expired"; exp = now still passes
    public void Verify_ExpiryOnTheGivenClock_RefusedOnceExpPassed()
    {
        var token = SlurmTokens.Mint(Key, Now, TimeSpan.FromMinutes(5));

        Assert.NotNull(Verify(token, Now.AddMinutes(5)).Identity);
        var (identity, failure) = Verify(token, Now.AddMinutes(5).AddSeconds(1));
        Assert.Null(identity);
        Assert.Equal("expired", failure);
    }

    [Fact]
    public void Verify_IssuedAfterNow_Refused()
    {
        var token = SlurmTokens.Mint(Key, Now.AddMinutes(1));

        Assert.Contains("future", Verify(token).Failure, StringComparison.Ordinal);
    }

    [Theory] // guide L6863-6873: required claims; L6866: "sun"... the FAQ (L7060) names uid and gids
    [InlineData("uid", "no uid claim")]
    [InlineData("gid", "no gid claim")]
    [InlineData("exp", "no exp claim")]
    [InlineData("iat", "no iat claim")]
    [InlineData("sub", "no user name claim (sun, username, sub or id.name)")]
    [InlineData("id", "no id claim")]
    public void Verify_RequiredClaimMissing_RefusedNamingIt(string claim, string expected)
    {
        var token = SlurmTokens.Mint(Key, Now, edit: c => c.Remove(claim));

        Assert.Equal(((SlurmJwtIdentity?)null, expected), Verify(token));
    }

    [Fact]
    public void Verify_IdWithoutGids_Refused()
    {
        var token = SlurmTokens.Mint(Key, Now, edit: c => ((JsonObject)c["id"]!).Remove("gids"));

        Assert.Equal("no id.gids claim (a list of group ids)", Verify(token).Failure);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b")]
    [InlineData("a..c")]
    [InlineData("!!!.???.***")]
    public void Verify_Malformed_Refused(string token)
    {
        Assert.Null(Verify(token).Identity);
    }

    [Fact] // the PCS key is a shared secret: HS256 only, never "none"
    public void Verify_AlgNone_Refused()
    {
        var token = SlurmTokens.Mint(Key, SlurmTokens.GuideClaims(Now, TimeSpan.FromMinutes(5)), alg: "none");

        Assert.Equal("alg is not HS256", Verify(token).Failure);
    }
}
