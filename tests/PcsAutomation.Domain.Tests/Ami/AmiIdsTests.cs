using PcsAutomation.Domain.Ami;

namespace PcsAutomation.Domain.Tests.Ami;

public class AmiIdsTests
{
    [Theory]
    [InlineData("ami-0123456789abcdef0", true)]
    [InlineData("ami-12345678", true)]
    [InlineData("ami-0123456789ABCDEF0", false)]
    [InlineData("ami-0123456789abcdef", false)]
    [InlineData("ami-1234567", false)]
    [InlineData("ami-0123456789abcdefg", false)]
    [InlineData("i-0123456789abcdef0", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValid_AmiAnd8Or17LowerHex(string? id, bool expected)
    {
        Assert.Equal(expected, AmiIds.IsValid(id));
        Assert.Equal(expected, AmiIds.Problem(id) is null);
    }

    [Fact]
    public void Problem_Invalid_QuotesTheId() =>
        Assert.StartsWith("'ami-xyz' is not an AMI id", AmiIds.Problem("ami-xyz"), StringComparison.Ordinal);
}
