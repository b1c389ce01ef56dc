using System.Text.Json;
using System.Text.Json.Nodes;
using PcsAutomation.Functions.Ami;
using PcsAutomation.Functions.CustomResources;
using PcsAutomation.Functions.Tests.Support;
using PcsAutomation.LocalAws.Faults;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.ProductHost;
using static PcsAutomation.Functions.Tests.Ami.CustomResourceRequests;

namespace PcsAutomation.Functions.Tests.Ami;

/// <summary>
/// The <c>AmiLookupCustomResource</c> function end to end: built by the registry as the bootstrap builds it, EC2 from
/// the emulator's image catalogue, and every response PUT captured by a real HTTP server standing in for the pre-signed
/// <c>ResponseURL</c>, its body and headers checked.
/// </summary>
public sealed class AmiLookupCustomResourceHandlerTests : IAsyncLifetime
{
    private HandlerHarness h = null!;
    private FakeResponseUrl url = null!;
    private int callsAtStart;

    public async Task InitializeAsync()
    {
        h = await HandlerHarness.StartAsync(Scenario.Empty());
        url = await FakeResponseUrl.StartAsync();
        callsAtStart = h.Aws.Calls.Calls.Count; // the harness's own set-up (the lease table)
    }

    public async Task DisposeAsync()
    {
        await url.DisposeAsync();
        await h.DisposeAsync();
    }

    private int Ec2Calls => h.Aws.Calls.Of("ec2").Count;

    /// <summary>The handler called no AWS API at all (the call log does record calls: the harness's set-up made some).</summary>
    private void AssertNoAwsCall()
    {
        Assert.True(callsAtStart > 0);
        Assert.Equal(callsAtStart, h.Aws.Calls.Calls.Count);
    }

    [Fact] // guide L5580-5599 (the search), L5570 (the newest), L1692 (AmiId)
    public async Task Create_GuidesProperties_PutsSuccessWithTheNewestSampleAmi()
    {
        var output = await h.InvokeAsync(Handler, Event("Create", url.Url, Properties("25.11", "x86_64")));

        var expected = NewestSample(h, "al2023", "x86_64", "25.11");
        var body = Assert.Single(url.Puts).Json;
        Assert.Equal("SUCCESS", body.GetProperty("Status").GetString());
        Assert.Equal($"pcs-ami-lookup/al2023/x86_64/slurm-25.11/{expected}/req-create", body.GetProperty("PhysicalResourceId").GetString());
        Assert.Equal((StackId, "req-create", LogicalId),
            (body.GetProperty("StackId").GetString(), body.GetProperty("RequestId").GetString(), body.GetProperty("LogicalResourceId").GetString()));
        var data = body.GetProperty("Data");
        Assert.Equal(expected, data.GetProperty("AmiId").GetString());
        Assert.Equal(("al2023", "x86_64", "25.11"), (data.GetProperty("OperatingSystem").GetString(), data.GetProperty("Architecture").GetString(), data.GetProperty("SlurmVersion").GetString()));
        var reason = body.GetProperty("Reason").GetString()!;
        Assert.Contains("OperatingSystem al2023 comes from Slurm 25.11 (guide L5574)", reason, StringComparison.Ordinal);
        Assert.Contains("demonstration only", reason, StringComparison.Ordinal); // guide L5522-5524
        Assert.Equal(expected, (string?)output["amiId"]);
        Assert.Single(h.Aws.Calls.Of("ec2", "DescribeImages"));
    }

    [Fact] // crpg-ref-responses.html: a PUT of the JSON to the pre-signed URL; cfn-response: empty content type, explicit length
    public async Task Create_ThePut_PresignedUrlUntouchedEmptyContentTypeAndNoAwsSignature()
    {
        await h.InvokeAsync(Handler, Event("Create", url.Url, Properties()));

        var put = Assert.Single(url.Puts);
        Assert.Equal("PUT", put.Method);
        Assert.Equal(FakeResponseUrl.PathAndQuery, put.RawTarget); // the signature covers it: byte for byte
        Assert.Equal("", put.Headers.GetValueOrDefault("Content-Type", "(absent)"));
        Assert.Equal(put.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), put.Headers["Content-Length"]);
        Assert.False(put.Headers.ContainsKey("Transfer-Encoding"));
        // The URL authorizes the upload itself: nothing of the AWS clients' SigV4 path is added.
        Assert.DoesNotContain(put.Headers.Keys, k => k.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || k.StartsWith("X-Amz-", StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(put.Headers); // the check above reads real headers
    }

    [Theory] // guide L5574: amzn2 for 25.05 and older
    [InlineData("25.05", "arm64", "amzn2")]
    [InlineData("24.11", "x86_64", "amzn2")]
    public async Task Create_OperatingSystemOmitted_TheVersionsOwnSampleAmi(string slurm, string architecture, string os)
    {
        await h.InvokeAsync(Handler, Event("Create", url.Url, Properties(slurm, architecture)));

        var body = Assert.Single(url.Puts).Json;
        Assert.Equal(NewestSample(h, os, architecture, slurm), body.GetProperty("Data").GetProperty("AmiId").GetString());
        Assert.Equal(os, body.GetProperty("Data").GetProperty("OperatingSystem").GetString());
    }

    [Fact]
    public async Task Update_SamePropertiesNewServiceToken_SameAmiAndIdWithoutDescribeImages()
    {
        await h.InvokeAsync(Handler, Event("Create", url.Url, Properties()));
        var created = url.Puts[0].Json;
        var physicalId = created.GetProperty("PhysicalResourceId").GetString()!;
        var firstAmi = created.GetProperty("Data").GetProperty("AmiId").GetString();
        var newer = PublishNewerSample(h, "al2023", "x86_64", "25.11"); // what a new lookup would now choose
        var calls = Ec2Calls;

        await h.InvokeAsync(Handler, Event("Update", url.Url, Properties(serviceToken: ServiceToken + "-v2"), "req-update", physicalId, Properties()));

        var updated = url.Puts[1].Json;
        Assert.Equal("SUCCESS", updated.GetProperty("Status").GetString());
        Assert.Equal(physicalId, updated.GetProperty("PhysicalResourceId").GetString()); // same id: an ordinary update, no replacement
        Assert.Equal(firstAmi, updated.GetProperty("Data").GetProperty("AmiId").GetString());
        Assert.NotEqual(newer, firstAmi);
        Assert.Equal(calls, Ec2Calls); // no DescribeImages (nor any EC2 call)
        Assert.Equal("req-update", updated.GetProperty("RequestId").GetString());
    }

    [Fact]
    public async Task Update_ChangedSlurmVersion_NewLookupNewAmiAndNewPhysicalId()
    {
        await h.InvokeAsync(Handler, Event("Create", url.Url, Properties("25.05")));
        var physicalId = url.Puts[0].Json.GetProperty("PhysicalResourceId").GetString()!;

        await h.InvokeAsync(Handler, Event("Update", url.Url, Properties("25.11"), "req-update", physicalId, Properties("25.05")));

        var updated = url.Puts[1].Json;
        var expected = NewestSample(h, "al2023", "x86_64", "25.11");
        Assert.Equal("SUCCESS", updated.GetProperty("Status").GetString());
        Assert.Equal(expected, updated.GetProperty("Data").GetProperty("AmiId").GetString());
        Assert.NotEqual(physicalId, updated.GetProperty("PhysicalResourceId").GetString()); // a replacement: CloudFormation deletes the old one
        Assert.Equal($"pcs-ami-lookup/al2023/x86_64/slurm-25.11/{expected}/req-update", updated.GetProperty("PhysicalResourceId").GetString());
        Assert.Equal(2, h.Aws.Calls.Of("ec2", "DescribeImages").Count);
    }

    [Fact]
    public async Task Delete_GarbageProperties_SuccessWithoutAnyAwsCall()
    {
        var garbage = new JsonObject { ["SlurmVersion"] = new JsonObject { ["x"] = 1 }, ["OperatingSystem"] = "amzn2", ["Bogus"] = true };

        var output = await h.InvokeAsync(Handler, Event("Delete", url.Url, garbage, "req-delete", physicalId: "pcs-ami-lookup/failed/req-create"));

        var body = Assert.Single(url.Puts).Json;
        Assert.Equal("SUCCESS", body.GetProperty("Status").GetString());
        Assert.Equal("pcs-ami-lookup/failed/req-create", body.GetProperty("PhysicalResourceId").GetString());
        Assert.Equal("req-delete", body.GetProperty("RequestId").GetString());
        AssertNoAwsCall();
        Assert.Equal("SUCCESS", (string?)output["status"]);
    }

    [Fact] // the guide's own example (L1753) with its template's default Slurm version (L1478)
    public async Task Create_Amzn2WithSlurm2511_FailedNamingTheRuleWithoutAnyAwsCall()
    {
        await h.InvokeAsync(Handler, Event("Create", url.Url, Properties("25.11", os: "amzn2")));

        var body = Assert.Single(url.Puts).Json;
        Assert.Equal("FAILED", body.GetProperty("Status").GetString());
        Assert.Equal(
            "Custom::AMILookup properties: OperatingSystem amzn2 with SlurmVersion 25.11: PCS sample AMIs run al2023 from Slurm 25.11 (guide L5574), so no amzn2 sample AMI holds Slurm 25.11; omit OperatingSystem or set al2023",
            body.GetProperty("Reason").GetString());
        Assert.Equal("pcs-ami-lookup/failed/req-create", body.GetProperty("PhysicalResourceId").GetString());
        Assert.False(body.TryGetProperty("Data", out _));
        AssertNoAwsCall();
    }

    [Fact]
    public async Task Create_DescribeImagesServerErrors_FailedNamingTheCall()
    {
        h.Aws.Faults.Add(new FaultRule("ec2", "DescribeImages") { ServerErrorRate = 1 });

        await h.InvokeAsync(Handler, Event("Create", url.Url, Properties()));

        var body = Assert.Single(url.Puts).Json;
        Assert.Equal("FAILED", body.GetProperty("Status").GetString());
        Assert.StartsWith("The PCS sample AMI lookup for al2023 x86_64 Slurm 25.11 failed: EC2.DescribeImages", body.GetProperty("Reason").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(h.Aws.Calls.Of("ec2", "DescribeImages")); // it did ask
    }

    [Fact]
    public async Task Create_DescribeImagesAccessDenied_FailedSayingWhichPermission()
    {
        h.Aws.Faults.Add(new FaultRule("ec2", "DescribeImages") { FailOnNthCall = 1, ForcedErrorCode = "UnauthorizedOperation", ForcedErrorStatus = 403, ForcedErrorMessage = "You are not authorized." });

        await h.InvokeAsync(Handler, Event("Create", url.Url, Properties()));

        var reason = Assert.Single(url.Puts).Json.GetProperty("Reason").GetString();
        Assert.Equal("The PCS sample AMI lookup for al2023 x86_64 Slurm 25.11 failed: EC2 DescribeImages answered UnauthorizedOperation (HTTP 403): the function's role needs ec2:DescribeImages", reason);
    }

    [Fact]
    public async Task Create_NoSampleAmiForTheVersion_FailedSayingNoImageWasFound()
    {
        await h.InvokeAsync(Handler, Event("Create", url.Url, Properties("26.05")));

        var body = Assert.Single(url.Puts).Json;
        Assert.Equal("FAILED", body.GetProperty("Status").GetString());
        Assert.Equal(
            "The PCS sample AMI lookup for al2023 x86_64 Slurm 26.05 failed: no image found for PCS sample AMIs aws-pcs-sample_ami-al2023-x86_64-slurm-26.05* owned by amazon: EC2 answered no image",
            body.GetProperty("Reason").GetString());
    }

    [Fact]
    public async Task Create_LittleTimeLeft_FailedBeforeCallingEc2()
    {
        var handler = Direct(new HttpClient());
        var context = new TestLambdaContext(h.Aws.Clock) { Deadline = h.Aws.Clock.GetUtcNow().AddSeconds(4) };

        var output = await handler.HandleAsync(Element(Event("Create", url.Url, Properties())), context);

        Assert.Equal("FAILED", output.Status);
        Assert.Equal("Not looked up: the function had 4 s left, less than the 5 s kept to answer CloudFormation; raise the function's Timeout",
            Assert.Single(url.Puts).Json.GetProperty("Reason").GetString());
        AssertNoAwsCall();
    }

    [Fact]
    public async Task Create_DescribeImagesOutlastsTheFunction_StopsInTimeAndPutsFailed()
    {
        // EC2 takes 60 virtual seconds; the function has 30: the lookup is cut at 25 s, leaving 5 s to answer.
        h.Aws.Faults.Add(new FaultRule("ec2", "DescribeImages") { Latency = TimeSpan.FromSeconds(60) });
        var handler = Direct(new HttpClient());
        var context = new TestLambdaContext(h.Aws.Clock);

        var output = await handler.HandleAsync(Element(Event("Create", url.Url, Properties())), context);

        Assert.Equal("FAILED", output.Status);
        Assert.Equal(
            "The PCS sample AMI lookup for al2023 x86_64 Slurm 25.11 (EC2 DescribeImages) did not finish within 25 s: stopped 5 s before the function's timeout to answer CloudFormation; try again, or raise the function's Timeout",
            Assert.Single(url.Puts).Json.GetProperty("Reason").GetString());
    }

    [Fact]
    public async Task Create_ResponseUrlAnswers503Once_PutAgainAndDelivered()
    {
        url.Answers.Enqueue(503);

        var output = await h.InvokeAsync(Handler, Event("Create", url.Url, Properties()));

        Assert.Equal(2, url.Puts.Count);
        Assert.Equal(url.Puts[0].Body, url.Puts[1].Body);
        Assert.Equal(2, (int)output["responseAttempts"]!);
    }

    [Fact]
    public async Task Create_ResponseUrlRefuses_InvocationFailsWithoutTheSignatureInAnyMessage()
    {
        url.Answers.Enqueue(403);

        var error = await Assert.ThrowsAsync<CustomResourceResponseException>(() => h.InvokeAsync(Handler, Event("Create", url.Url, Properties())));

        Assert.Single(url.Puts); // a refusal is final
        Assert.Contains("HTTP 403", error.Message, StringComparison.Ordinal);
        Assert.Contains("/arn%3Aaws%3Acloudformation", error.Message, StringComparison.Ordinal);
        AssertSignatureNeverLogged();
    }

    [Fact]
    public async Task Invoke_NoResponseUrl_LoggedAndFailsWithoutAnyPutOrAwsCall()
    {
        var request = Event("Create", url.Url, Properties());
        request.Remove("ResponseURL");

        var error = await Assert.ThrowsAsync<UnanswerableCustomResourceRequestException>(() => h.InvokeAsync(Handler, request));

        Assert.Contains("cannot be answered (no usable ResponseURL)", error.Message, StringComparison.Ordinal);
        Assert.Contains("ResponseURL is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains(h.Transcript, line => line.Contains($"LogicalResourceId {LogicalId}, RequestId req-create", StringComparison.Ordinal));
        Assert.Empty(url.Puts);
        AssertNoAwsCall();
    }

    [Fact]
    public async Task Invoke_EveryOutcome_TheSignatureNeverReachesALog()
    {
        await h.InvokeAsync(Handler, Event("Create", url.Url, Properties()));
        await h.InvokeAsync(Handler, Event("Create", url.Url, Properties(os: "amzn2")));
        await h.InvokeAsync(Handler, Event("Delete", url.Url, null, "req-delete", "x"));

        Assert.Equal(3, url.Puts.Count);
        AssertSignatureNeverLogged();
    }

    private void AssertSignatureNeverLogged()
    {
        Assert.NotEmpty(h.Transcript);
        Assert.Contains(h.Transcript, line => line.Contains("/arn%3Aaws%3Acloudformation", StringComparison.Ordinal)); // the URL is logged, without its query
        Assert.DoesNotContain(h.Transcript, line => line.Contains(FakeResponseUrl.Signature, StringComparison.Ordinal) || line.Contains("AWSAccessKeyId", StringComparison.Ordinal));
    }

    private AmiLookupCustomResourceHandler Direct(HttpClient http) =>
        new(new AmiLookup(h.Factory.CreateEc2(), h.Factory.CreateSsm(), h.Aws.Clock), new CustomResourceResponder(http), h.Aws.Clock);

    private static JsonElement Element(JsonObject request) => JsonSerializer.SerializeToElement(request);
}
