using Amazon.Runtime;
using PcsAutomation.Aws.PCS;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Aws.Runtime;
using PcsAutomation.LocalAws.Faults;
using PcsAutomation.LocalAws.Tests.Template;

namespace PcsAutomation.LocalAws.Tests.Integration;

/// <summary>
/// A template function whose AWS call is throttled: the product client's retry back-off sleeps on the virtual clock
/// the function was given, and <see cref="LocalAws.RunUntilAsync"/> moves the clock to wake it, never past the
/// per-attempt timeout of the call in flight.
/// </summary>
public sealed class FunctionBackoffTests
{
    [Fact]
    public async Task RunUntilAsync_FunctionCallThrottledOnce_ClockJumpsOverTheBackoffAndTheRetrySucceeds()
    {
        var answered = 0;
        await using var aws = await LocalAws.StartAsync(new LocalAwsOptions
        {
            Template = TemplateLoaderTests.FixturePath,
            FunctionFactory = function => async (_, cancellationToken) =>
            {
                using var factory = AwsClientFactory.Create(new AwsClientOptions
                {
                    TimeProvider = function.Clock,
                    Environment = name => function.Variables.GetValueOrDefault(name),
                    Credentials = new BasicAWSCredentials(function.Variables["AWS_ACCESS_KEY_ID"], function.Variables["AWS_SECRET_ACCESS_KEY"]),
                    Random = () => 0.5,
                });
                var pcs = new AmazonPCSClient(factory.CreateJsonInvoker(AmazonPCSClient.ServiceMetadata, AmazonPCSException.FromErrorResponse));
                await pcs.ListClustersAsync(new ListClustersRequest(), cancellationToken);
                Interlocked.Increment(ref answered);
                return "{}";
            },
        });
        aws.Faults.Add(new FaultRule("pcs", "ListClusters") { FailOnNthCall = 1, ForcedErrorCode = "ThrottlingException", ForcedErrorStatus = 429 });
        var start = aws.Clock.GetUtcNow();

        var invocation = aws.Lambda.InvokeAsync("EchoFunction", "{}");
        var reached = await aws.RunUntilAsync(() => Volatile.Read(ref answered) == 1, TimeSpan.FromMinutes(5));

        Assert.True(reached);
        Assert.True((await invocation).Succeeded);
        Assert.Equal([429, 200], aws.Calls.Calls.Where(c => c.Operation == "ListClusters").Select(c => c.Status));
        var waited = aws.Clock.GetUtcNow() - start;
        Assert.InRange(waited, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(20)); // the back-off, not a timeout
    }
}
