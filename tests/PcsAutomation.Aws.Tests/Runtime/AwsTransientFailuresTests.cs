using System.Net;
using Amazon.Runtime;
using PcsAutomation.Aws.Runtime;

namespace PcsAutomation.Aws.Tests.Runtime;

public class AwsTransientFailuresTests
{
    [Theory]
    [InlineData("ThrottlingException", HttpStatusCode.BadRequest)]
    [InlineData("ProvisionedThroughputExceededException", HttpStatusCode.BadRequest)]
    [InlineData("RequestLimitExceeded", HttpStatusCode.ServiceUnavailable)]
    [InlineData("InternalServerException", HttpStatusCode.InternalServerError)]
    [InlineData("RequestTimeout", HttpStatusCode.BadRequest)]
    public void IsTransient_ThrottlingOr5xxOrTimeoutCode_IsTrue(string code, HttpStatusCode status) =>
        Assert.True(AwsTransientFailures.IsTransient(Service(code, status)));

    [Theory]
    [InlineData("ConflictException", HttpStatusCode.Conflict)]
    [InlineData("ValidationException", HttpStatusCode.BadRequest)]
    [InlineData("ResourceNotFoundException", HttpStatusCode.BadRequest)]
    [InlineData("ConditionalCheckFailedException", HttpStatusCode.BadRequest)]
    public void IsTransient_ClientError_IsFalse(string code, HttpStatusCode status) =>
        Assert.False(AwsTransientFailures.IsTransient(Service(code, status)));

    [Fact]
    public void IsTransient_TimeoutsAndNetworkFailures_AreTrue()
    {
        Assert.True(AwsTransientFailures.IsTransient(new TimeoutException("no response")));
        Assert.True(AwsTransientFailures.IsTransient(new HttpRequestException("connection reset")));
        Assert.True(AwsTransientFailures.IsTransient(new TaskCanceledException("timed out", new TimeoutException())));
        Assert.True(AwsTransientFailures.IsTransient(new AmazonClientException("network", new HttpRequestException("reset"))));
    }

    [Fact]
    public void IsTransient_OtherExceptions_AreFalse()
    {
        Assert.False(AwsTransientFailures.IsTransient(new InvalidOperationException("bug")));
        Assert.False(AwsTransientFailures.IsTransient(new TaskCanceledException("cancelled by the caller")));
    }

    private static AmazonServiceException Service(string code, HttpStatusCode status) =>
        new("message", (int)status >= 500 ? ErrorType.Receiver : ErrorType.Sender, code, "request-1", status);
}
