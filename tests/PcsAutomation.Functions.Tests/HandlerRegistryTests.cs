using PcsAutomation.Functions.Hosting;

namespace PcsAutomation.Functions.Tests;

public class HandlerRegistryTests
{
    [Fact]
    public void Names_ContainsDiagnostics() => Assert.Contains("Diagnostics", HandlerRegistry.Names);

    [Theory]
    [InlineData("diagnostics")]
    [InlineData("")]
    [InlineData(null)]
    public void EnsureKnown_UnknownName_ListsKnownHandlers(string? name)
    {
        var e = Assert.Throws<UnknownHandlerException>(() => HandlerRegistry.EnsureKnown(name));

        Assert.Equal($"_HANDLER is '{name}', which this bootstrap does not serve. Known handlers: {string.Join(", ", HandlerRegistry.Names)}.", e.Message);
    }
}
