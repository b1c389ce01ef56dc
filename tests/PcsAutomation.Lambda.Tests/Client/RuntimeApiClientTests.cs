using PcsAutomation.Lambda.Client;

namespace PcsAutomation.Lambda.Tests.Client;

public class RuntimeApiClientTests
{
    [Fact]
    public async Task ReportInitializationError_PostsBodyAndErrorTypeHeader()
    {
        await using var harness = await RuntimeHarness.StartAsync();

        await harness.Client.ReportInitializationErrorAsync(new LambdaError("no region", "AwsConfigurationException", ["at Init()"]));

        var error = await harness.Api.InitError.WaitAsync(RuntimeHarness.Patience);
        Assert.Equal(("AwsConfigurationException", "AwsConfigurationException", "no region"), (error.ErrorTypeHeader, error.ErrorType, error.ErrorMessage));
        Assert.Equal(["at Init()"], error.StackTrace);
    }

    [Fact]
    public async Task GetNextInvocation_ReadsEveryRuntimeHeader()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        var deadline = harness.Time.GetUtcNow().AddMinutes(5);
        harness.Api.Enqueue("""{"a":1}""", new Testing.Lambda.FakeInvocationHeaders("req-9", deadline, "Root=1-abc", "arn:aws:lambda:us-east-1:1:function:f"));

        var next = await harness.Client.GetNextInvocationAsync();

        Assert.Equal(("req-9", deadline, "Root=1-abc", "arn:aws:lambda:us-east-1:1:function:f"), (next.AwsRequestId, next.Deadline, next.TraceId, next.InvokedFunctionArn));
        Assert.Equal("""{"a":1}""", System.Text.Encoding.UTF8.GetString(next.Payload.Span));
    }

    [Fact]
    public async Task SendResponse_ForAnUnknownRequestId_Fails()
    {
        await using var harness = await RuntimeHarness.StartAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => harness.Client.SendResponseAsync("never-handed-out", "{}"u8.ToArray()));
    }

    [Fact]
    public void FromEnvironment_VariableUnset_FailsNamingIt()
    {
        var e = Assert.Throws<InvalidOperationException>(() => RuntimeApiClient.FromEnvironment(_ => null));

        Assert.Contains(RuntimeApiClient.RuntimeApiVariable, e.Message, StringComparison.Ordinal);
    }
}
