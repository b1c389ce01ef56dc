using PcsAutomation.Aws.StepFunctions;

namespace PcsAutomation.Aws.Tests.StepFunctions;

public class ExecutionArnsTests
{
    [Fact]
    public void For_StateMachineArn_TheExecutionResourceOfThatMachine() =>
        Assert.Equal(
            "arn:aws-cn:states:cn-north-1:111122223333:execution:dev-capacity-block-expiry:expire-cr-1234567890abcdef1-20260302T113000",
            ExecutionArns.For("arn:aws-cn:states:cn-north-1:111122223333:stateMachine:dev-capacity-block-expiry", "expire-cr-1234567890abcdef1-20260302T113000"));

    [Theory]
    [InlineData("arn:aws:states:us-east-1:111122223333:execution:m:n")]
    [InlineData("dev-capacity-block-expiry")]
    [InlineData("")]
    public void For_NotAStateMachineArn_ArgumentExceptionQuotingIt(string arn)
    {
        var error = Assert.Throws<ArgumentException>(() => ExecutionArns.For(arn, "name"));

        Assert.Contains($"'{arn}' is not a state machine ARN", error.Message, StringComparison.Ordinal);
    }
}
