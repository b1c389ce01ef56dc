using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PcsAutomation.Slurm.Auth;
using PcsAutomation.Slurm.Tests.Support;

namespace PcsAutomation.Slurm.Tests.Auth;

public sealed class SlurmJwtMinterTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(1767600000); // 2026-01-05 08:00:00Z

    [Fact]
    public void Mint_GuideExampleUser_HeaderAndClaimsAreThePythonExamples()
    {
        var minter = new SlurmJwtMinter(new FakeTimeProvider(At), SlurmIdentity.Ec2User, TimeSpan.FromMinutes(5));

        var jwt = Jwt.Decode(minter.Mint(TestKeys.Key(TestKeys.FixedBytes)).Reveal());

        Assert.Equal("""{"alg":"HS256","typ":"JWT"}""", jwt.Header.ToJsonString());
        // guide L6946-6958, with exp = iat + the lifetime; the user name in "sub" as the example sends it (not "sun")
        var expected = JsonNode.Parse("""
            {"exp": 1767600300, "iat": 1767600000, "sub": "ec2-user", "uid": 1000, "gid": 1000,
             "id": {"gecos": "EC2 User", "dir": "/home/ec2-user", "gids": [1000], "shell": "/bin/bash"}}
            """)!;
        Assert.True(JsonNode.DeepEquals(expected, jwt.Claims), jwt.Claims.ToJsonString());
        Assert.Equal(["exp", "iat", "sub", "uid", "gid", "id"], jwt.Claims.Select(p => p.Key));
        Assert.False(jwt.Claims.ContainsKey("sun"));
    }

    [Fact]
    public void Mint_AnyKey_SignatureIsHmacSha256OfTheBase64DecodedKey()
    {
        var secretString = TestKeys.Base64(TestKeys.NewBytes);
        var minter = new SlurmJwtMinter(new FakeTimeProvider(At), SlurmIdentity.Root);

        var jwt = Jwt.Decode(minter.Mint(SlurmJwtKey.FromSecretString(secretString, TestKeys.SecretArn, "v1")).Reveal());

        Assert.True(jwt.SignedWith(Convert.FromBase64String(secretString)));
        Assert.False(jwt.SignedWith(System.Text.Encoding.ASCII.GetBytes(secretString))); // the bytes, not the base64 text (guide L6915)
        Assert.False(jwt.SignedWith(TestKeys.OldBytes));
    }

    [Fact]
    public void Mint_FixedKeyAndClock_ExactToken()
    {
        // Computed independently (Python: json.dumps(separators=(',', ':')), hmac.new(key, input, sha256), urlsafe_b64encode
        // without padding) for key bytes 0..31, root, 2026-01-05T08:00:00Z, 5 minutes.
        const string expected =
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." +
            "eyJleHAiOjE3Njc2MDAzMDAsImlhdCI6MTc2NzYwMDAwMCwic3ViIjoicm9vdCIsInVpZCI6MCwiZ2lkIjowLCJpZCI6eyJnZWNvcyI6InJvb3QiLCJkaXIiOiIvcm9vdCIsImdpZHMiOlswXSwic2hlbGwiOiIvYmluL2Jhc2gifX0." +
            "GQ3YpyGmGnc5RNapC0iMrv610YRpQyebtV-9s9V5OI8";
        var minter = new SlurmJwtMinter(new FakeTimeProvider(At), SlurmIdentity.Root);

        var token = minter.Mint(SlurmJwtKey.FromSecretString(TestKeys.FixedBase64, TestKeys.SecretArn, "v1"));

        Assert.Equal(expected, token.Reveal());
        Assert.Equal(At, token.IssuedAt);
        Assert.Equal(At.AddMinutes(5), token.ExpiresAt);
    }

    [Fact]
    public void Mint_DefaultIdentity_IsRootTheSlurmAdministrator()
    {
        var minter = new SlurmJwtMinter(new FakeTimeProvider(At), SlurmIdentity.Root);

        var claims = Jwt.Decode(minter.Mint(TestKeys.Key(TestKeys.FixedBytes)).Reveal()).Claims;

        Assert.Equal("root", claims["sub"]!.GetValue<string>());
        Assert.Equal(0, claims["uid"]!.GetValue<int>());
        Assert.Equal(0, claims["gid"]!.GetValue<int>());
        Assert.Equal("/root", claims["id"]!["dir"]!.GetValue<string>());
    }

    [Fact]
    public void Mint_ClockMoves_TimesFollowTheTimeProviderInWholeSeconds()
    {
        var clock = new FakeTimeProvider(At);
        var minter = new SlurmJwtMinter(clock, SlurmIdentity.Root, TimeSpan.FromMinutes(2));
        var key = TestKeys.Key(TestKeys.FixedBytes);
        var first = minter.Mint(key);

        clock.Advance(TimeSpan.FromSeconds(90.7));
        var second = minter.Mint(key);

        var claims = Jwt.Decode(second.Reveal()).Claims;
        Assert.Equal(1767600090, claims["iat"]!.GetValue<long>());
        Assert.Equal(1767600090 + 120, claims["exp"]!.GetValue<long>());
        Assert.NotEqual(first.Reveal(), second.Reveal());
        Assert.True(second.ExpiresWithin(TimeSpan.FromSeconds(30), At.AddSeconds(90 + 91)));
        Assert.False(second.ExpiresWithin(TimeSpan.FromSeconds(30), At.AddSeconds(90 + 89)));
    }

    [Theory]
    [InlineData(59)]
    [InlineData(3601)]
    public void Constructor_LifetimeOutOfRange_ThrowsNamingIt(int seconds)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new SlurmJwtMinter(new FakeTimeProvider(At), SlurmIdentity.Root, TimeSpan.FromSeconds(seconds)));

        Assert.Equal("lifetime", error.ParamName);
    }

    [Fact]
    public void Constructor_IdentityWithoutGroups_ThrowsNamingGids()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new SlurmJwtMinter(new FakeTimeProvider(At), SlurmIdentity.Root with { Gids = [] }));

        Assert.Equal("Gids", error.ParamName);
    }

    [Fact]
    public void Token_ToStringAndDebuggerDisplay_NeverShowTheToken()
    {
        var token = new SlurmJwtMinter(new FakeTimeProvider(At), SlurmIdentity.Root).Mint(TestKeys.Key(TestKeys.FixedBytes));

        var text = token.ToString();

        Assert.Contains("root", text, StringComparison.Ordinal);
        Assert.Contains("redacted", text, StringComparison.Ordinal);
        foreach (var part in token.Reveal().Split('.'))
            Assert.DoesNotContain(part, text, StringComparison.Ordinal);
        Assert.Equal("{ToString(),nq}", DebuggerDisplayOf(typeof(SlurmToken)));
    }

    internal static string? DebuggerDisplayOf(Type type) =>
        type.GetCustomAttributes(typeof(System.Diagnostics.DebuggerDisplayAttribute), false)
            .Cast<System.Diagnostics.DebuggerDisplayAttribute>().SingleOrDefault()?.Value;
}
