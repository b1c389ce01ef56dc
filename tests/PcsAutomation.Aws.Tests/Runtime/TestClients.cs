using Amazon.Runtime;
using PcsAutomation.Aws.Runtime;

namespace PcsAutomation.Aws.Tests.Runtime;

/// <summary>A factory wired to a fake endpoint and a recording clock, with fixed credentials and jitter.</summary>
public sealed class TestClients : IDisposable
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    // Half a second past the minute, so a 0.9 s backoff crosses a second boundary (X-Amz-Date has second precision).
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, 500, TimeSpan.Zero);

    public TestClients(Func<AwsClientOptions, AwsClientOptions>? configure = null)
    {
        Clock = new RecordingTimeProvider(Start);
        Handler = new FakeAwsHandler(Clock);
        var options = new AwsClientOptions
        {
            TimeProvider = Clock,
            Region = "us-east-1",
            Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
            HttpMessageHandler = Handler,
            Random = () => 0.5,
            RequestTimeout = RequestTimeout,
            Environment = _ => null,
        };
        Factory = AwsClientFactory.Create(configure is null ? options : configure(options));
    }

    public RecordingTimeProvider Clock { get; }

    public FakeAwsHandler Handler { get; }

    public AwsClientFactory Factory { get; }

    public IAwsJsonInvoker Pcs => Factory.CreateJsonInvoker(TestService.Pcs, TestService.Errors);

    public Task<EchoResponse> GetClusterAsync(IAwsJsonInvoker? client = null, CancellationToken cancellationToken = default) =>
        (client ?? Pcs).InvokeAsync(
            "GetCluster", new EchoRequest("demo"), TestJsonContext.Default.EchoRequest, TestJsonContext.Default.EchoResponse, cancellationToken);

    public void Dispose() => Factory.Dispose();
}
