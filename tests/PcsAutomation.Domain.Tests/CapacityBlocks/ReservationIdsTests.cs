using PcsAutomation.Domain.CapacityBlocks;

namespace PcsAutomation.Domain.Tests.CapacityBlocks;

public class ReservationIdsTests
{
    [Fact]
    public void IsValid_GuideExample_True() => Assert.True(ReservationIds.IsValid("cr-1234567890abcdef1"));

    [Theory]
    [InlineData("cr-1234567890ABCDEF1")]
    [InlineData("cr-1234567890abcdef")]
    [InlineData("cr-12345678")]
    [InlineData("cr-1234567890abcdef12")]
    [InlineData(" cr-1234567890abcdef1")]
    [InlineData("ami-1234567890abcdef")]
    [InlineData("cr-1234567890abcdefg")]
    [InlineData("")]
    [InlineData(null)]
    public void IsValid_Malformed_False(string? id) => Assert.False(ReservationIds.IsValid(id));

    [Fact]
    public void Problem_Malformed_QuotesTheValueAndTheExpectedShape()
    {
        var problem = ReservationIds.Problem("cr-nope");
        Assert.Equal("'cr-nope' is not a Capacity Reservation id: expected cr- and 17 lower-case hexadecimal characters, e.g. cr-1234567890abcdef1", problem);
        Assert.Null(ReservationIds.Problem("cr-1234567890abcdef1"));
    }
}
