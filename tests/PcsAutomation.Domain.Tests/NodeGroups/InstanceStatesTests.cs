using PcsAutomation.Domain.NodeGroups;

namespace PcsAutomation.Domain.Tests.NodeGroups;

public class InstanceStatesTests
{
    [Theory]
    [InlineData("pending")]
    [InlineData("running")]
    [InlineData("shutting-down")]
    [InlineData("stopping")]
    [InlineData("hibernating-someday")]
    [InlineData("")]
    [InlineData(null)]
    public void IsUp_AnyStateButStoppedOrTerminated_IsUp(string? state) => Assert.True(InstanceStates.IsUp(state));

    [Theory]
    [InlineData("stopped")]
    [InlineData("terminated")]
    [InlineData("Terminated")]
    public void IsUp_StoppedOrTerminated_IsDown(string state) => Assert.False(InstanceStates.IsUp(state));
}
