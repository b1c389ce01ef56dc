using PcsAutomation.LocalAws.Pcs;

namespace PcsAutomation.LocalAws.Tests.Pcs;

/// <summary>Slurm's node list expressions (guide L997: compute-1-[1-4]).</summary>
public class HostlistTests
{
    [Theory]
    [InlineData("compute-1-[1-4]", new[] { "compute-1-1", "compute-1-2", "compute-1-3", "compute-1-4" })]
    [InlineData("a-[1,3-4],b-2", new[] { "a-1", "a-3", "a-4", "b-2" })]
    [InlineData("n[08-10]", new[] { "n08", "n09", "n10" })]
    [InlineData("login", new[] { "login" })]
    public void Expand_Expression_NodeNamesInOrder(string expression, string[] names)
    {
        Assert.Equal(names, Hostlist.Expand(expression));
    }

    [Theory]
    [InlineData("a-[1-")]
    [InlineData("a-[3-1]")]
    [InlineData("a-[x]")]
    [InlineData("a,,b")]
    public void Expand_Malformed_FormatExceptionNamingIt(string expression)
    {
        var error = Assert.Throws<FormatException>(() => Hostlist.Expand(expression));

        Assert.Contains(expression, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "compute-1-1", "compute-1-2", "compute-1-3", "compute-1-4" }, "compute-1-[1-4]")]
    [InlineData(new[] { "gpu-3", "gpu-1", "cpu-2" }, "gpu-[1,3],cpu-2")]
    [InlineData(new[] { "gpu-1" }, "gpu-1")]
    public void Compress_Names_SlurmsForm(string[] names, string expression)
    {
        Assert.Equal(expression, Hostlist.Compress(names));
        Assert.Equal(names.Order(StringComparer.Ordinal), Hostlist.Expand(expression).Order(StringComparer.Ordinal));
    }
}
