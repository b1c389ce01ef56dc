using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Domain.Tests.Workflows;

public class CloudTrailOriginTests
{
    private const string Account = "111122223333";
    private const string Region = "us-east-1";

    [Fact]
    public void Rejection_EverythingOurs_Null() => Assert.Null(CloudTrailOrigin.Rejection(Account, Account, Region, Region, Account, Region));

    [Fact]
    public void Rejection_OnlyTheEnvelopeNamesThem_Null() => Assert.Null(CloudTrailOrigin.Rejection(Account, null, Region, null, Account, Region));

    [Theory]
    [InlineData("444455556666", Account, "account 444455556666 (account)")]
    [InlineData(Account, "444455556666", "account 444455556666 (detail.recipientAccountId)")]
    public void Rejection_AnotherAccount_NamesTheFieldAndValue(string envelope, string recipient, string expected) =>
        Assert.Equal($"event from {expected}, not this function's account {Account}", CloudTrailOrigin.Rejection(envelope, recipient, Region, Region, Account, Region));

    [Fact]
    public void Rejection_AnotherRegionInTheRecord_NamesIt() =>
        Assert.Equal("event from Region eu-west-1 (detail.awsRegion), not this function's Region us-east-1",
            CloudTrailOrigin.Rejection(Account, Account, Region, "eu-west-1", Account, Region));

    [Fact]
    public void Rejection_NoAccountAnywhere_CannotBeChecked() =>
        Assert.StartsWith("the event names no account (account and detail.recipientAccountId are missing)",
            CloudTrailOrigin.Rejection(null, "", Region, Region, Account, Region), StringComparison.Ordinal);

    [Theory]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:audit", "111122223333")]
    [InlineData("arn:aws-cn:lambda:cn-north-1:111122223333:function:audit:live", "111122223333")]
    [InlineData("arn:aws:lambda:us-east-1:1111:function:audit", null)]
    [InlineData("arn:aws:states:us-east-1:111122223333:stateMachine:x", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void AccountOfFunctionArn_ReadsTheAccountOfALambdaArnOnly(string? arn, string? expected) =>
        Assert.Equal(expected, CloudTrailOrigin.AccountOfFunctionArn(arn));
}
