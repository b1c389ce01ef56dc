using PcsAutomation.Slurm.Connection;

namespace PcsAutomation.Slurm.Tests.Connection;

public sealed class SlurmRestAvailabilityTests
{
    private const string JwtArn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:pcs!jwt-key-pcs_abc123-XyZ";
    private const string AuthArn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:pcs!slurm-secret-pcs_abc123-AbC";

    /// <summary>The guide's GetCluster example (L6832-6843): SLURMCTLD and SLURMRESTD on 192.0.2.1.</summary>
    private static ClusterRestFacts Facts() => new()
    {
        ClusterId = "pcs_abc123",
        ClusterName = "demo",
        SlurmVersion = "25.05",
        SlurmRestMode = "STANDARD",
        Endpoints = [new ClusterEndpoint("SLURMCTLD", "192.0.2.1", "6817"), new ClusterEndpoint("SLURMRESTD", "192.0.2.1", "6820")],
        JwtKey = new SecretVersionRef(JwtArn, "jwt-v1"),
        AuthKey = new SecretVersionRef(AuthArn, "auth-v1"),
    };

    [Fact]
    public void Decide_GuideExample_AvailableAtTheSlurmrestdEntryOverHttp()
    {
        var availability = SlurmRestAvailability.Decide(Facts());

        Assert.True(availability.IsAvailable);
        Assert.Equal(new Uri("http://192.0.2.1:6820/"), availability.Endpoint!.BaseAddress);
        Assert.Equal("cluster demo (pcs_abc123) at 192.0.2.1:6820", availability.Endpoint.ToString());
        Assert.Equal(new SlurmKeyReference(JwtArn, "jwt-v1", SlurmKeyOrigin.JwtAuth), availability.Key);
        Assert.Null(availability.Reason);
    }

    [Fact]
    public void Decide_NoJwtAuth_FallsBackToTheClusterSecret()
    {
        var availability = SlurmRestAvailability.Decide(Facts() with { JwtKey = null });

        Assert.Equal(new SlurmKeyReference(AuthArn, "auth-v1", SlurmKeyOrigin.ClusterSecret), availability.Key);
        Assert.Contains("cluster secret", availability.Explanation, StringComparison.Ordinal);
    }

    public static TheoryData<string, ClusterRestFacts, SlurmRestUnavailableReason, string> Unavailable => new()
    {
        { "Slurm 24.11", Facts() with { SlurmVersion = "24.11" }, SlurmRestUnavailableReason.SlurmTooOld, "L6707" },
        { "mode NONE", Facts() with { SlurmRestMode = "NONE" }, SlurmRestUnavailableReason.RestDisabled, "mode is NONE" },
        { "no slurmRest", Facts() with { SlurmRestMode = null }, SlurmRestUnavailableReason.RestDisabled, "absent, so NONE" },
        { "no endpoint", Facts() with { Endpoints = [new ClusterEndpoint("SLURMCTLD", "192.0.2.1", "6817")] }, SlurmRestUnavailableReason.NoEndpoint, "no SLURMRESTD" },
        { "bad port", Facts() with { Endpoints = [new ClusterEndpoint("SLURMRESTD", "192.0.2.1", "http")] }, SlurmRestUnavailableReason.MalformedEndpoint, "192.0.2.1:http" },
        { "bad address", Facts() with { Endpoints = [new ClusterEndpoint("SLURMRESTD", "controller", "6820")] }, SlurmRestUnavailableReason.MalformedEndpoint, "controller:6820" },
        { "no key", Facts() with { JwtKey = null, AuthKey = null }, SlurmRestUnavailableReason.NoKey, "neither" },
    };

    [Theory]
    [MemberData(nameof(Unavailable))]
    public void Decide_EachMissingPiece_UnavailableWithTheReasonNamingTheCluster(string scenario, ClusterRestFacts facts, SlurmRestUnavailableReason reason, string explained)
    {
        var availability = SlurmRestAvailability.Decide(facts);

        Assert.False(availability.IsAvailable, scenario);
        Assert.Equal(reason, availability.Reason);
        Assert.Null(availability.Endpoint);
        Assert.Null(availability.Key);
        Assert.Contains("cluster demo (pcs_abc123)", availability.Explanation, StringComparison.Ordinal);
        Assert.Contains(explained, availability.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("25.05")]
    [InlineData("25.11")]
    [InlineData("26.05")]
    public void Decide_Slurm2505OrNewer_IsNotTooOld(string version)
    {
        Assert.True(SlurmRestAvailability.Decide(Facts() with { SlurmVersion = version }).IsAvailable);
    }
}
