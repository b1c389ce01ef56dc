using System.Net;
using System.Text;
using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Aws.Runtime;
using PcsAutomation.Cli.Invoke;

namespace PcsAutomation.Cli.Tests.Invoke;

/// <summary>The recorder under the product's own client: what it sees of a throttled call retried (standard mode) and of a refused one.</summary>
public class AwsCallRecorderTests
{
    [Fact]
    public async Task Recorder_ThrottledThenAnswered_OneCallWithOneRetry()
    {
        using var recorder = new AwsCallRecorder(new Answers(
            (HttpStatusCode.TooManyRequests, "ThrottlingException", """{"message":"slow down"}"""),
            (HttpStatusCode.OK, null, """{"clusters":[]}""")));
        using var factory = Factory(recorder);

        await factory.CreatePcs().ListClustersAsync(new ListClustersRequest());

        Assert.Equal(2, recorder.Attempts.Count);
        Assert.Equal([new AwsCallLine("pcs", "ListClusters", 200, null, 1)], AwsCallLines.From(recorder.Attempts));
    }

    [Fact]
    public async Task Recorder_RefusedWithAJsonType_TheErrorCodeWithoutItsNamespace()
    {
        using var recorder = new AwsCallRecorder(new Answers((HttpStatusCode.BadRequest, null, """{"__type":"com.amazonaws.pcs#ValidationException","message":"no"}""")));
        using var factory = Factory(recorder);

        await Assert.ThrowsAnyAsync<Exception>(() => factory.CreatePcs().ListClustersAsync(new ListClustersRequest()));

        Assert.Equal([new AwsCallLine("pcs", "ListClusters", 400, "ValidationException", 0)], AwsCallLines.From(recorder.Attempts));
    }

    // No jitter (Random 0): the retry's back-off is zero, so the fake clock need not move.
    private static AwsClientFactory Factory(HttpMessageHandler transport) => AwsClientFactory.Create(new AwsClientOptions
    {
        TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero)),
        Region = "us-east-1",
        Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "secret"),
        Environment = _ => null,
        Random = () => 0,
        HttpMessageHandler = transport,
    });

    /// <summary>Answers each request with the next (status, x-amzn-ErrorType, body).</summary>
    private sealed class Answers(params (HttpStatusCode Status, string? ErrorType, string Body)[] answers) : HttpMessageHandler
    {
        private int next;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var (status, type, body) = answers[Math.Min(next++, answers.Length - 1)];
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.0") };
            if (type is not null) response.Headers.TryAddWithoutValidation("x-amzn-ErrorType", type);
            return Task.FromResult(response);
        }
    }
}
