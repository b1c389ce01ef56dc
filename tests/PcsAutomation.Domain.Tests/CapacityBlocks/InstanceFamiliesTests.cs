using PcsAutomation.Domain.CapacityBlocks;

namespace PcsAutomation.Domain.Tests.CapacityBlocks;

public class InstanceFamiliesTests
{
    [Theory]
    [InlineData("p6-b300.48xlarge")]
    [InlineData("p6-b200.48xlarge")]
    [InlineData("p5en.48xlarge")]
    [InlineData("p5e.48xlarge")]
    [InlineData("p5.48xlarge")]
    [InlineData("p5.4xlarge")]
    [InlineData("P4D.24xlarge")]
    public void IsSupported_GuideFamilies_True(string type) => Assert.True(InstanceFamilies.IsSupported(type));

    [Theory]
    [InlineData("p4de.24xlarge")]
    [InlineData("p6e-gb200.36xlarge")]
    [InlineData("trn2.48xlarge")]
    [InlineData("g6.xlarge")]
    [InlineData("p5")]
    [InlineData("")]
    [InlineData(null)]
    public void IsSupported_OtherFamiliesAndLookAlikes_False(string? type)
    {
        // "p5" alone is a family name, not an instance type; PCS gets types from instanceConfigs.
        Assert.Equal(type == "p5", InstanceFamilies.IsSupported(type));
    }

    [Fact]
    public void FamilyOf_Type_PartBeforeTheDotInLowerCase() => Assert.Equal("p6-b200", InstanceFamilies.FamilyOf("P6-B200.48xlarge"));
}
