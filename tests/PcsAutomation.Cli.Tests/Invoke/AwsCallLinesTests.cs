using PcsAutomation.Cli.Invoke;

namespace PcsAutomation.Cli.Tests.Invoke;

public class AwsCallLinesTests
{
    [Fact]
    public void From_SameCallAfterAThrottle_OneCallWithItsRetryAndTheLastStatus()
    {
        var lines = AwsCallLines.From(
        [
            new AwsAttempt("pcs", "UpdateComputeNodeGroup", 429, "ThrottlingException", "k1"),
            new AwsAttempt("pcs", "UpdateComputeNodeGroup", 500, "InternalServerException", "k1"),
            new AwsAttempt("pcs", "UpdateComputeNodeGroup", 200, null, "k1"),
        ]);

        var call = Assert.Single(lines);
        Assert.Equal(new AwsCallLine("pcs", "UpdateComputeNodeGroup", 200, null, 2), call);
    }

    [Fact]
    public void From_SameCallAfterASuccess_TwoCalls()
    {
        var lines = AwsCallLines.From(
        [
            new AwsAttempt("pcs", "GetCluster", 200, null, "k1"),
            new AwsAttempt("pcs", "GetCluster", 200, null, "k1"),
        ]);

        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal(0, l.Retries));
    }

    [Fact]
    public void From_OtherCallsBetweenAttempts_RetryStillJoinsItsCall()
    {
        var lines = AwsCallLines.From(
        [
            new AwsAttempt("dynamodb", "GetItem", 0, "HttpRequestException", "a"),
            new AwsAttempt("states", "StartExecution", 400, "ExecutionAlreadyExists", "b"),
            new AwsAttempt("dynamodb", "GetItem", 200, null, "a"),
        ]);

        Assert.Equal(
            [new AwsCallLine("dynamodb", "GetItem", 200, null, 1), new AwsCallLine("states", "StartExecution", 400, "ExecutionAlreadyExists", 0)],
            lines);
    }

    [Fact]
    public void Line_RetriesAndError_OneReadableLine()
    {
        Assert.Equal("ec2 DescribeInstances 200 (2 retries)", InvocationText.Line(new AwsCallLine("ec2", "DescribeInstances", 200, null, 2)));
        Assert.Equal("states StartExecution 400 ExecutionAlreadyExists", InvocationText.Line(new AwsCallLine("states", "StartExecution", 400, "ExecutionAlreadyExists", 0)));
        Assert.Equal("pcs GetCluster no response HttpRequestException (1 retry)", InvocationText.Line(new AwsCallLine("pcs", "GetCluster", 0, "HttpRequestException", 1)));
    }
}
