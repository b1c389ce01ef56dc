using PcsAutomation.Domain.CapacityBlocks;

namespace PcsAutomation.Domain.Tests.CapacityBlocks;

public class CapacityBlockExpiryOptionsTests
{
    [Fact]
    public void New_NoValues_Defaults()
    {
        var options = new CapacityBlockExpiryOptions();
        Assert.Equal((TimeSpan.FromMinutes(90), TimeSpan.FromHours(24), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(2)),
            (options.Lead, options.Horizon, options.RotationMargin, options.LeaseRetryInterval));
    }

    [Fact]
    public void New_HorizonShorterThanLeadPlusSlack_ThrowsNamingHorizon()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new CapacityBlockExpiryOptions(lead: TimeSpan.FromHours(3), horizon: TimeSpan.FromHours(4)));
        Assert.Equal("Horizon", error.ParamName);
        Assert.StartsWith("Horizon: 4h00m is not allowed; it must be between the lead plus 2h00m (5h00m)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Lead", 0, 24 * 60, 30, 2)]
    [InlineData("Lead", 13 * 60, 24 * 60, 30, 2)]
    [InlineData("Horizon", 90, 8 * 24 * 60, 30, 2)]
    [InlineData("RotationMargin", 90, 24 * 60, -1, 2)]
    [InlineData("LeaseRetryInterval", 90, 24 * 60, 30, 0)]
    public void New_OutOfRange_ThrowsNamingTheProperty(string property, int lead, int horizon, int margin, int retry)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new CapacityBlockExpiryOptions(
            TimeSpan.FromMinutes(lead), TimeSpan.FromMinutes(horizon), TimeSpan.FromMinutes(margin), TimeSpan.FromMinutes(retry)));
        Assert.Equal(property, error.ParamName);
        Assert.StartsWith($"{property}: ", error.Message, StringComparison.Ordinal);
    }
}
