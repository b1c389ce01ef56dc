using PcsAutomation.Domain.NodeGroupUpdate;
using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Domain.Tests.NodeGroupUpdate;

public class RolloutCallsTests
{
    private const string Holder = "arn:aws:states:us-east-1:111122223333:execution:node-group-update:update-pcs_abc-ami-1";

    [Theory]
    [InlineData(RolloutCalls.UpdateStep)]
    [InlineData(RolloutCalls.RollbackStep)]
    [InlineData(RolloutCalls.ExpirySwitchStep)]
    [InlineData(RolloutCalls.ExpiryRestoreStep)]
    public void StepOf_TokenTheHolderSendsForTheGroup_NamesTheStep(string step) =>
        Assert.Equal(step, RolloutCalls.StepOf(ClientTokens.For(Holder, step, "pcs_ng1"), Holder, "pcs_ng1"));

    [Fact]
    public void StepOf_TokenOfAnotherGroupOrExecution_Null()
    {
        Assert.Null(RolloutCalls.StepOf(ClientTokens.For(Holder, RolloutCalls.UpdateStep, "pcs_ng2"), Holder, "pcs_ng1"));
        Assert.Null(RolloutCalls.StepOf(ClientTokens.For(Holder + "x", RolloutCalls.UpdateStep, "pcs_ng1"), Holder, "pcs_ng1"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("c13b7baf-2894-42e8-acec-example")]
    public void StepOf_NoTokenOrAPersonsToken_Null(string? token) => Assert.Null(RolloutCalls.StepOf(token, Holder, "pcs_ng1"));
}
