using PcsAutomation.Domain.Configuration;

namespace PcsAutomation.Domain.Tests.Configuration;

public class AutomationDefaultsTests
{
    private static AutomationDefaults From(Dictionary<string, string> variables) =>
        AutomationDefaults.FromEnvironment(name => variables.TryGetValue(name, out var value) ? value : null);

    [Fact]
    public void FromEnvironment_NothingSet_UsesBriefDefaults()
    {
        var defaults = From([]);
        Assert.Equal("pcs-automation:managed", defaults.ManagedTagKey);
        Assert.Equal("sun:02:00-sun:06:00", defaults.MaintenanceWindow.ToString());
        Assert.Equal(TimeSpan.FromDays(90), defaults.RotationMaxAge);
        Assert.Equal("pcs-automation:byo-login-for", defaults.ByoLoginTagKey);
    }

    [Fact]
    public void FromEnvironment_EmptyValues_UseDefaults()
    {
        // CloudFormation passes blank stack parameters as empty strings.
        var defaults = From(new()
        {
            [EnvironmentVariables.ManagedTagKey] = "",
            [EnvironmentVariables.MaintenanceWindow] = "",
            [EnvironmentVariables.RotationMaxAge] = "",
            [EnvironmentVariables.ByoLoginTagKey] = "",
        });
        Assert.Equal(From([]), defaults);
    }

    [Fact]
    public void FromEnvironment_AllSet_UsesThem()
    {
        var defaults = From(new()
        {
            ["PCS_AUTOMATION_MANAGED_TAG_KEY"] = "acme:rotate",
            ["PCS_AUTOMATION_MAINTENANCE_WINDOW"] = "sat:22:00-sun:02:00",
            ["PCS_AUTOMATION_ROTATION_MAX_AGE"] = "30d",
            ["PCS_AUTOMATION_BYO_LOGIN_TAG_KEY"] = "acme:login-for",
            ["PCS_AUTOMATION_STRICT_ROTATION_VERIFICATION"] = "TRUE",
            ["PCS_AUTOMATION_ROTATION_NOTICE_LEAD_TIME"] = "2d",
        });
        Assert.Equal(
            new AutomationDefaults("acme:rotate", MaintenanceWindow.Parse("sat:22:00-sun:02:00", "t"), TimeSpan.FromDays(30), "acme:login-for", true, TimeSpan.FromDays(2)),
            defaults);
        Assert.Equal(TimeSpan.FromDays(2), defaults.NoticeLeadTime);
    }

    [Theory]
    [InlineData("PCS_AUTOMATION_MAINTENANCE_WINDOW", "sun:02:00")]
    [InlineData("PCS_AUTOMATION_ROTATION_MAX_AGE", "0d")]
    [InlineData("PCS_AUTOMATION_MANAGED_TAG_KEY", " padded ")]
    [InlineData("PCS_AUTOMATION_BYO_LOGIN_TAG_KEY", "   ")]
    [InlineData("PCS_AUTOMATION_STRICT_ROTATION_VERIFICATION", "yes")]
    [InlineData("PCS_AUTOMATION_ROTATION_NOTICE_LEAD_TIME", "30m")]
    public void FromEnvironment_InvalidVariable_ThrowsNamingTheVariable(string variable, string value)
    {
        var error = Assert.Throws<TagConfigurationException>(() => From(new() { [variable] = value }));
        Assert.Equal(variable, error.TagKey);
        Assert.Contains(variable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_TagKeyOver128Characters_Throws()
    {
        var error = Assert.Throws<TagConfigurationException>(() => From(new() { [EnvironmentVariables.ManagedTagKey] = new string('k', 129) }));
        Assert.Contains("maximum is 128", error.Message, StringComparison.Ordinal);
    }
}
