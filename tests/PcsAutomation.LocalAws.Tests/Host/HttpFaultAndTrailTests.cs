using PcsAutomation.LocalAws.Faults;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.Host;

public class HttpFaultAndTrailTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task InjectedThrottling_OverHttp_429ThrottlingExceptionThenNormal()
    {
        using var client = new SignedClient(server.Aws.Endpoint);
        server.Aws.Faults.Add(new FaultRule("pcs", "ListQueues") { FailOnNthCall = 1, ForcedErrorCode = "ThrottlingException", ForcedErrorStatus = 429 });

        var (first, body, _) = await client.SendAsync("AWSParallelComputingService.ListQueues", """{"clusterIdentifier":"http-demo"}""", "pcs");
        var (second, _, _) = await client.SendAsync("AWSParallelComputingService.ListQueues", """{"clusterIdentifier":"http-demo"}""", "pcs");
        server.Aws.Faults.Clear();

        Assert.Equal((429, "ThrottlingException"), (first, body!["__type"]!.GetValue<string>()));
        Assert.Equal(200, second);
    }

    [Fact] // ../shared/reference/botocore/pcs.service-2.json: ThrottlingException {message, retryAfterSeconds}
    public async Task RateLimit_OverHttp_ThrottlingExceptionWithRetryAfterSeconds()
    {
        using var client = new SignedClient(server.Aws.Endpoint);
        server.Aws.Faults.Limit(new RateLimitRule("pcs", Capacity: 1, RefillPerSecond: 0.5) { Operation = "GetQueue" });

        try
        {
            var (first, _, _) = await client.SendAsync("AWSParallelComputingService.GetQueue", """{"clusterIdentifier":"http-demo","queueIdentifier":"demo"}""", "pcs");
            var (second, body, response) = await client.SendAsync("AWSParallelComputingService.GetQueue", """{"clusterIdentifier":"http-demo","queueIdentifier":"demo"}""", "pcs");

            Assert.Equal((200, 429), (first, second));
            Assert.Equal("ThrottlingException", body!["__type"]!.GetValue<string>());
            Assert.Equal("ThrottlingException", response.Headers.GetValues("x-amzn-ErrorType").Single());
            Assert.Equal("Rate exceeded", body["message"]!.GetValue<string>());
            Assert.Equal(2, body["retryAfterSeconds"]!.GetValue<int>());
        }
        finally
        {
            server.Aws.Faults.Clear();
        }
    }

    [Fact] // guide L10765-10843: the CloudTrail record names the caller's access key and the request id
    public async Task TagResource_OverHttp_CloudTrailRecordsCallerAndRequestId()
    {
        using var client = new SignedClient(server.Aws.Endpoint);
        var arn = server.Aws.State.FindCluster("http-demo")!.Arn;

        var (status, _, response) = await client.SendAsync("AWSParallelComputingService.TagResource",
            $$$"""{"resourceArn":"{{{arn}}}","tags":{"owner":"hpc-team"}}""", "pcs");

        Assert.Equal(200, status);
        var requestId = response.Headers.GetValues("x-amzn-RequestId").Single();
        var recorded = server.Aws.CloudTrail.Events.Single(e => e["detail"]!["requestID"]!.GetValue<string>() == requestId);
        Assert.Equal("TagResource", recorded["detail"]!["eventName"]!.GetValue<string>());
        Assert.Equal(LocalAwsOptions.TestAccessKeyId, recorded["detail"]!["userIdentity"]!["accessKeyId"]!.GetValue<string>());
    }
}
