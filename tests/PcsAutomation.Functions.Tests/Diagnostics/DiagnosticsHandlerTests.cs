using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using PcsAutomation.Aws.Runtime;
using PcsAutomation.Functions.Diagnostics;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.ProductHost;

namespace PcsAutomation.Functions.Tests.Diagnostics;

public class DiagnosticsHandlerTests
{
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    private static readonly Dictionary<string, string> Environment = new()
    {
        ["AWS_REGION"] = "eu-west-1",
        ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE",
        ["AWS_SECRET_ACCESS_KEY"] = SecretKey,
        ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566",
        ["AWS_ENDPOINT_URL_SECRETS_MANAGER"] = "http://127.0.0.1:4567",
    };

    [Fact]
    public async Task HandleAsync_ReportsConfigurationWithoutSecrets()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var factory = Factory(time, Environment.GetValueOrDefault);
        var aws = AwsConfigurationSummary.From(factory);
        var function = new FunctionEnvironment("pcs-diagnostics", "7", 512, "/aws/lambda/pcs-diagnostics", "s");
        var handler = new DiagnosticsHandler("Diagnostics", function, LogLevel.Debug, aws);
        var context = new TestLambdaContext(time) { AwsRequestId = "req-d", Deadline = time.GetUtcNow().AddSeconds(3) };

        var report = await handler.HandleAsync(new DiagnosticsRequest(), context);

        Assert.Equal(("Diagnostics", "eu-west-1", "pcs-diagnostics", "7", 512, "DEBUG", "req-d", 3000L),
            (report.Handler, report.Region, report.FunctionName, report.FunctionVersion, report.MemoryLimitInMB, report.LogLevel, report.RequestId, report.RemainingTimeMs));
        Assert.Equal("http://127.0.0.1:4566", report.Endpoints["PCS"]);
        Assert.Equal("http://127.0.0.1:4567", report.Endpoints["Secrets Manager"]);
        Assert.DoesNotContain(SecretKey, System.Text.Json.JsonSerializer.Serialize(report), StringComparison.Ordinal);
        Assert.Contains(context.TestLogger.Lines, l => l.Message.Contains("eu-west-1", StringComparison.Ordinal));
    }

    [Fact]
    public void From_NoOverride_UsesRegionalDefaults()
    {
        using var factory = Factory(new FakeTimeProvider(), name => name == "AWS_DEFAULT_REGION" ? "us-east-2" : null);
        var aws = AwsConfigurationSummary.From(factory);

        Assert.Equal("us-east-2", aws.Region);
        Assert.Equal("https://pcs.us-east-2.amazonaws.com", aws.Endpoints["PCS"]);
        Assert.Equal("https://states.us-east-2.amazonaws.com", aws.Endpoints["SFN"]);
    }

    private static AwsClientFactory Factory(TimeProvider time, Func<string, string?> environment) =>
        AwsClientFactory.Create(new AwsClientOptions
        {
            TimeProvider = time,
            Environment = environment,
            Credentials = new BasicAWSCredentials("AKIDEXAMPLE", SecretKey),
        });
}
