using System.Net;
using Amazon.Runtime;

namespace PcsAutomation.Aws.Tests.Runtime;

public class AwsJsonClientErrorTests
{
    [Fact]
    public async Task InvokeAsync_TypeWithNamespace_ThrowsFactoryExceptionWithCodeMessageStatusAndRequestId()
    {
        using var clients = new TestClients();
        clients.Handler.Respond(
            HttpStatusCode.BadRequest,
            """{"__type":"com.amazonaws.pcs#ValidationException","message":"clusterIdentifier is too long"}""",
            ("x-amzn-RequestId", "abc-123"));

        var error = await Assert.ThrowsAsync<TestValidationException>(() => clients.GetClusterAsync());

        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Equal("clusterIdentifier is too long", error.Message);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("abc-123", error.RequestId);
    }

    [Fact]
    public async Task InvokeAsync_ErrorTypeHeader_WinsOverBodyAndDropsItsSuffix()
    {
        using var clients = new TestClients();
        clients.Handler.Respond(
            HttpStatusCode.BadRequest,
            """{"__type":"SomethingElse","Message":"capital M message"}""",
            ("x-amzn-ErrorType", "ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/"));

        var error = await Assert.ThrowsAsync<TestValidationException>(() => clients.GetClusterAsync());

        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Equal("capital M message", error.Message);
    }

    [Fact]
    public async Task InvokeAsync_CodeMemberOnly_IsUsedAsTheCode()
    {
        using var clients = new TestClients();
        clients.Handler.Respond(HttpStatusCode.BadRequest, """{"code":"aws.protocoltests#ValidationException:extra","message":"m"}""");

        var error = await Assert.ThrowsAsync<TestValidationException>(() => clients.GetClusterAsync());

        Assert.Equal("ValidationException", error.ErrorCode);
    }

    [Fact]
    public async Task InvokeAsync_CodeTheFactoryDoesNotModel_ThrowsPlainServiceException()
    {
        using var clients = new TestClients();
        clients.Handler.Respond(HttpStatusCode.Conflict, """{"__type":"ConflictException","message":"cluster is CREATING"}""");

        var error = await Assert.ThrowsAsync<AmazonServiceException>(() => clients.GetClusterAsync());

        Assert.Equal("ConflictException", error.ErrorCode);
        Assert.Equal("cluster is CREATING", error.Message);
        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal(ErrorType.Sender, error.ErrorType);
    }

    [Fact]
    public async Task InvokeAsync_NonJsonErrorBody_UsesStatusAsCode()
    {
        using var clients = new TestClients(o => o with { MaxAttempts = 1 });
        clients.Handler.Respond(HttpStatusCode.Forbidden, "<html>denied</html>");

        var error = await Assert.ThrowsAsync<AmazonServiceException>(() => clients.GetClusterAsync());

        Assert.Equal("Forbidden", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }
}
