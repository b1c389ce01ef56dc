namespace PcsAutomation.LocalAws.Tests;

public class SmokeTests
{
    [Fact]
    public void Build_Succeeds() => Assert.True(true);
}
