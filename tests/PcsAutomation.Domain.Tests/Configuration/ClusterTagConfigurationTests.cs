using PcsAutomation.Domain.Configuration;

namespace PcsAutomation.Domain.Tests.Configuration;

public class ClusterTagConfigurationTests
{
    private static readonly AutomationDefaults Defaults = AutomationDefaults.FromEnvironment(_ => null);

    private static ClusterTagConfiguration Parse(Dictionary<string, string> tags, AutomationDefaults? defaults = null) =>
        ClusterTagConfiguration.Parse(tags, defaults ?? Defaults);

    [Fact]
    public void Parse_NoTags_NotManagedWithDefaults()
    {
        Assert.Equal(new ClusterTagConfiguration(false, Defaults.MaintenanceWindow, Defaults.RotationMaxAge, Defaults.ByoLoginTagKey), Parse([]));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    public void Parse_ManagedTrueOrFalseAnyCase_ReadsIt(string value, bool managed)
    {
        Assert.Equal(managed, Parse(new() { ["pcs-automation:managed"] = value }).IsManaged);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(" true")]
    [InlineData("true ")]
    public void Parse_ManagedNotTrueOrFalse_ThrowsNamingTheTag(string value)
    {
        var error = Assert.Throws<TagConfigurationException>(() => Parse(new() { ["pcs-automation:managed"] = value }));
        Assert.Equal("pcs-automation:managed", error.TagKey);
        Assert.Contains("must be 'true' or 'false'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ManagedKeyFromStack_ReadsThatKeyOnly()
    {
        var defaults = Defaults with { ManagedTagKey = "acme:rotate" };
        Assert.True(Parse(new() { ["acme:rotate"] = "true" }, defaults).IsManaged);
        Assert.False(Parse(new() { ["pcs-automation:managed"] = "true" }, defaults).IsManaged);
        var error = Assert.Throws<TagConfigurationException>(() => Parse(new() { ["acme:rotate"] = "on" }, defaults));
        Assert.Equal("acme:rotate", error.TagKey);
    }

    [Fact]
    public void Parse_ManagedKeyIsCaseSensitive_OtherCaseIgnored()
    {
        Assert.False(Parse(new() { ["PCS-AUTOMATION:MANAGED"] = "true" }).IsManaged);
    }

    [Fact]
    public void Parse_AllTags_OverrideDefaults()
    {
        var config = Parse(new()
        {
            [TagKeys.DefaultManaged] = "true",
            [TagKeys.MaintenanceWindow] = "sat:22:00-sun:02:00",
            [TagKeys.RotationMaxAge] = "12h",
            [TagKeys.ByoLoginTag] = "team:login-of",
            ["unrelated"] = "whatever; with, commas",
        });
        Assert.Equal(new ClusterTagConfiguration(true, MaintenanceWindow.Parse("sat:22:00-sun:02:00", "t"), TimeSpan.FromHours(12), "team:login-of"), config);
    }

    [Theory]
    [InlineData(TagKeys.MaintenanceWindow, "sun:02:00-sun:02:00")]
    [InlineData(TagKeys.RotationMaxAge, "1.5d")]
    [InlineData(TagKeys.ByoLoginTag, "")]
    public void Parse_InvalidTagOnUnmanagedCluster_StillThrowsNamingTheTag(string key, string value)
    {
        var error = Assert.Throws<TagConfigurationException>(() => Parse(new() { [key] = value }));
        Assert.Equal(key, error.TagKey);
        Assert.StartsWith(key + ": ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidTag_MessageDoesNotListOtherTags()
    {
        var error = Assert.Throws<TagConfigurationException>(() => Parse(new()
        {
            [TagKeys.RotationMaxAge] = "soon",
            ["owner"] = "alice@example.com",
        }));
        Assert.DoesNotContain("alice", error.Message, StringComparison.Ordinal);
    }
}
