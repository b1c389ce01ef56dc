using PcsAutomation.Domain.Rotation;

namespace PcsAutomation.Domain.Tests.Rotation;

public class LoginInstancesTests
{
    [Theory]
    [InlineData("pcs_123456abcd", true)]
    [InlineData("demo", true)]
    [InlineData("Demo", false)]
    [InlineData("other", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void BelongsToCluster_TagValue_MatchesNameOrId(string? value, bool expected)
    {
        Assert.Equal(expected, LoginInstances.BelongsToCluster(value, "pcs_123456abcd", "demo"));
    }
}
