using System.Net;
using Amazon.Runtime;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Aws.Runtime;

namespace PcsAutomation.Aws.Tests.PCS.Model;

public class AmazonPCSExceptionTests
{
    [Fact]
    public void FromErrorResponse_UnknownCode_BaseTypeKeepsCodeStatusAndRequestId()
    {
        var error = AmazonPCSException.FromErrorResponse(
            new AwsErrorResponse("BrandNewException", "new", HttpStatusCode.BadRequest, "req-9", "{}"));

        Assert.Equal(typeof(AmazonPCSException), error.GetType());
        Assert.Equal(("BrandNewException", "new", HttpStatusCode.BadRequest, "req-9", ErrorType.Sender),
            (error.ErrorCode, error.Message, error.StatusCode, error.RequestId, error.ErrorType));
    }

    [Fact]
    public void FromErrorResponse_ValidationBody_ReadsReasonAndFieldList()
    {
        const string body = """
            {"message":"bad","reason":"fieldValidationFailed","fieldList":[{"name":"scheduler.version","message":"not supported"}]}
            """;

        var error = Assert.IsType<ValidationException>(AmazonPCSException.FromErrorResponse(
            new AwsErrorResponse("ValidationException", "bad", HttpStatusCode.BadRequest, null, body)));

        Assert.Same(ValidationExceptionReason.FieldValidationFailed, error.Reason);
        var field = Assert.Single(error.FieldList!);
        Assert.Equal(("scheduler.version", "not supported"), (field.Name, field.Message));
    }

    [Fact]
    public void FromErrorResponse_ConflictAndQuota_ReadResourceAndQuotaMembers()
    {
        var conflict = Assert.IsType<ConflictException>(AmazonPCSException.FromErrorResponse(new AwsErrorResponse(
            "ConflictException", "busy", HttpStatusCode.Conflict, "r", """{"resourceId":"pcs_a","resourceType":"cluster"}""")));
        var quota = Assert.IsType<ServiceQuotaExceededException>(AmazonPCSException.FromErrorResponse(new AwsErrorResponse(
            "ServiceQuotaExceededException", "full", HttpStatusCode.PaymentRequired, "r", """{"serviceCode":"pcs","quotaCode":"L-1"}""")));

        Assert.Equal(("pcs_a", "cluster"), (conflict.ResourceId, conflict.ResourceType));
        Assert.Equal(("pcs", "L-1"), (quota.ServiceCode, quota.QuotaCode));
    }

    [Theory]
    [InlineData("<html>502 Bad Gateway</html>")]
    [InlineData("")]
    [InlineData("""{"resourceId":42}""")]
    public void FromErrorResponse_UnreadableBody_StillTypedWithoutExtras(string body)
    {
        var error = AmazonPCSException.FromErrorResponse(
            new AwsErrorResponse("ResourceNotFoundException", "gone", HttpStatusCode.NotFound, "r", body));

        var notFound = Assert.IsType<ResourceNotFoundException>(error);
        Assert.Null(notFound.ResourceId);
    }

    [Fact]
    public void FromErrorResponse_ServerError_IsReceiverFault()
    {
        var error = AmazonPCSException.FromErrorResponse(
            new AwsErrorResponse("InternalServerException", "oops", HttpStatusCode.InternalServerError, "r", "{}"));

        Assert.IsType<InternalServerException>(error);
        Assert.Equal(ErrorType.Receiver, error.ErrorType);
    }

    [Fact]
    public void FromErrorResponse_Throttling_ModelMarksRetryable()
    {
        var error = AmazonPCSException.FromErrorResponse(
            new AwsErrorResponse("ThrottlingException", "slow down", HttpStatusCode.BadRequest, "r", """{"retryAfterSeconds":3}"""));

        var throttling = Assert.IsType<ThrottlingException>(error);
        Assert.NotNull(throttling.Retryable);
        Assert.Equal(3, throttling.RetryAfterSeconds);
    }

    [Theory]
    [InlineData("com.amazonaws.pcs#ConflictException")]
    [InlineData("ConflictException:http://internal.amazon.com/coral/com.amazonaws.pcs/")]
    public void FromErrorResponse_QualifiedCode_MatchedByShortName(string code)
    {
        var error = AmazonPCSException.FromErrorResponse(new AwsErrorResponse(code, "busy", HttpStatusCode.Conflict, "r", "{}"));

        Assert.IsType<ConflictException>(error);
        Assert.Equal("ConflictException", error.ErrorCode);
    }
}
