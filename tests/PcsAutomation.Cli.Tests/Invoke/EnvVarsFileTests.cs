using PcsAutomation.Cli.Invoke;

namespace PcsAutomation.Cli.Tests.Invoke;

public class EnvVarsFileTests
{
    [Fact]
    public void For_ParametersAndTheFunctionsOwn_TheFunctionsOwnWin()
    {
        var values = EnvVarsFile.For("""{"Parameters":{"A":"all","B":"all"},"F":{"B":"mine","N":3},"G":{"A":"other"}}""", "env.json", "F");

        Assert.Equal(new Dictionary<string, string> { ["A"] = "all", ["B"] = "mine", ["N"] = "3" }, values);
    }

    [Theory]
    [InlineData("[1]", "env.json: expected an object")]
    [InlineData("""{"F":{"A":{"x":1}}}""", "env.json: F.A must be a string")]
    [InlineData("""{"F":"A=1"}""", "env.json: F must be an object of variables")]
    [InlineData("{", "env.json: not JSON")]
    public void For_Malformed_UsageErrorNamingTheMember(string json, string expected)
    {
        var error = Assert.Throws<CliException>(() => EnvVarsFile.For(json, "env.json", "F"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }
}
