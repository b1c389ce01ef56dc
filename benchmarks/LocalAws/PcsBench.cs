using Amazon.Runtime;
using PcsAutomation.Aws.PCS;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Aws.Runtime;
using PcsAutomation.LocalAws;
using PcsAutomation.LocalAws.Scenarios;
using Emulator = PcsAutomation.LocalAws.LocalAws;

namespace PcsAutomation.Benchmarks.LocalAws;

/// <summary>
/// The emulator with one cluster and one dynamic node group per worker, and the product's PCS client built by
/// AwsClientFactory with only AWS_ENDPOINT_URL, the Region and the test keys. Each update worker owns its node group and
/// moves the virtual clock past the update (UPDATING → ACTIVE) before its next call, so no call hits a ConflictException.
/// </summary>
internal sealed class PcsBench : IAsyncDisposable
{
    private readonly Emulator aws;
    private readonly AwsClientFactory factory;
    private readonly AmazonPCSClient pcs;
    private readonly TimeProvider time;
    private readonly BenchmarkSettings settings;

    private PcsBench(Emulator aws, TimeProvider time, BenchmarkSettings settings)
    {
        this.aws = aws;
        this.time = time;
        this.settings = settings;
        factory = AwsClientFactory.Create(new AwsClientOptions
        {
            Environment = name => name == "AWS_ENDPOINT_URL" ? aws.Endpoint.ToString() : null,
            Region = aws.Options.Region,
            Credentials = new BasicAWSCredentials(LocalAwsOptions.TestAccessKeyId, LocalAwsOptions.TestSecretAccessKey),
            TimeProvider = time,
        });
        pcs = new AmazonPCSClient(factory.CreateJsonInvoker(AmazonPCSClient.ServiceMetadata, AmazonPCSException.FromErrorResponse));
    }

    public static async Task<PcsBench> StartAsync(TimeProvider time, BenchmarkSettings settings)
    {
        var scenario = Scenario.Cluster("bench");
        for (var i = 0; i < settings.Workers; i++) scenario.WithNodeGroup(GroupName(i), 0, 4);
        var aws = await Emulator.StartAsync(new LocalAwsOptions { Scenario = scenario.Build() });
        return new PcsBench(aws, time, settings);
    }

    public Task<BenchmarkResult> GetClusterAsync() =>
        RunAsync("GetCluster", _ => pcs.GetClusterAsync(new GetClusterRequest { ClusterIdentifier = "bench" }));

    public Task<BenchmarkResult> UpdateComputeNodeGroupAsync() =>
        RunAsync("UpdateComputeNodeGroup", async worker =>
        {
            await pcs.UpdateComputeNodeGroupAsync(new UpdateComputeNodeGroupRequest
            {
                ClusterIdentifier = "bench",
                ComputeNodeGroupIdentifier = GroupName(worker),
                ScalingConfiguration = new ScalingConfigurationRequest { MinInstanceCount = 0, MaxInstanceCount = 4 + (int)(time.GetTimestamp() & 1) },
            });
            aws.Clock.Advance(aws.Options.Durations.NodeGroupUpdate);
        });

    public async ValueTask DisposeAsync()
    {
        factory.Dispose();
        await aws.DisposeAsync();
    }

    private static string GroupName(int worker) => $"group-{worker}";

    private async Task<BenchmarkResult> RunAsync(string operation, Func<int, Task> call)
    {
        for (var i = 0; i < 200; i++) await call(0); // warm-up: JIT, connections
        var calls = 0;
        var errors = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var latencies = new List<TimeSpan>[settings.Workers];
        var started = time.GetTimestamp();
        async Task Worker(int worker)
        {
            var mine = latencies[worker] = [];
            while (time.GetElapsedTime(started) < settings.Duration && Interlocked.Increment(ref calls) <= settings.MaxCalls)
            {
                var before = time.GetTimestamp();
                try
                {
                    await call(worker);
                }
                catch (AmazonServiceException error)
                {
                    errors.AddOrUpdate(error.ErrorCode ?? "?", 1, (_, n) => n + 1);
                }
                mine.Add(time.GetElapsedTime(before));
            }
        }
        await Task.WhenAll(Enumerable.Range(0, settings.Workers).Select(w => Task.Run(() => Worker(w))));
        var elapsed = time.GetElapsedTime(started);
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new BenchmarkResult(operation, all.Count, string.Join(", ", errors.Select(e => $"{e.Key} x{e.Value}")), elapsed, all[all.Count / 2], all[(int)(all.Count * 0.99)]);
    }
}
