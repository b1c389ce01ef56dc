using PcsAutomation.Slurm.Connection;

namespace PcsAutomation.Slurm.Tests.Connection;

public sealed class SlurmRestEndpointTests
{
    [Theory]
    [InlineData("not-an-ip", 6820, "address")]
    [InlineData("10.0.0.1", 0, "port")]
    [InlineData("10.0.0.1", 70000, "port")]
    public void Constructor_BadAddressOrPort_ThrowsNamingTheClusterAndTheField(string address, int port, string parameter)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new SlurmRestEndpoint("pcs_abc", "demo", address, port));

        Assert.Equal(parameter, error.ParamName);
        Assert.Contains("demo (pcs_abc)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BaseAddress_Ipv6_IsBracketed()
    {
        var endpoint = new SlurmRestEndpoint("pcs_abc", "demo", "2001:db8::5", 6820);

        Assert.Equal("http://[2001:db8::5]:6820/", endpoint.BaseAddress.ToString());
    }
}
