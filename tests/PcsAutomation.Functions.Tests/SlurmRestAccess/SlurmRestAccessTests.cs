using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Functions.SlurmRestAccess;
using PcsAutomation.Functions.Tests.Support;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.Slurm.Auth;
using PcsAutomation.Slurm.Client;
using PcsAutomation.Slurm.Connection;
using PcsAutomation.Slurm.Errors;
using PcsAutomation.Slurm.Model;

namespace PcsAutomation.Functions.Tests.SlurmRestAccess;

/// <summary>The Slurm client fed from AWS: GetCluster's facts and the key through GetSecretValue, against the emulator.</summary>
public sealed class SlurmRestAccessTests
{
    [Fact] // the emulator's slurmrestd listens on loopback (its one departure from the guide's port 6820, LocalAws README) and reports jwtAuth
    public async Task ClusterRestFactsMapper_ClusterWithRestOn_AvailableAtItsSlurmrestdWithTheClusterSecret()
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c", slurmVersion: "25.05").WithSlurmRest());

        var availability = SlurmRestAvailability.Decide(ClusterRestFactsMapper.From(await GetClusterAsync(harness, "c")));

        var cluster = harness.Aws.State.FindCluster("c")!;
        Assert.True(availability.IsAvailable, availability.Explanation);
        Assert.Equal(harness.Aws.SlurmRest.Endpoint("c"), availability.Endpoint!.BaseAddress);
        Assert.Equal(new SlurmKeyReference(cluster.SecretArn, cluster.SecretVersion, SlurmKeyOrigin.JwtAuth), availability.Key);
    }

    [Fact] // the product's client against the emulator's slurmrestd, over real HTTP: the two sides agree on the v0.0.43 wire
    public async Task SlurmRestClient_AgainstTheEmulatorsSlurmrestd_ListsDrainsReservesAndCleansUp()
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c", slurmVersion: "25.05").WithSlurmRest()
            .WithNodeGroup("compute", min: 0, max: 2).WithQueue("batch", "compute"));
        harness.Aws.Scenarios.SubmitJobs("c", "batch", 1, TimeSpan.FromHours(2));
        harness.Aws.Clock.Advance(TimeSpan.FromMinutes(5)); // the node launches and the job runs
        var availability = SlurmRestAvailability.Decide(ClusterRestFactsMapper.From(await GetClusterAsync(harness, "c")));
        var keys = new SecretSlurmKeySource(availability.Key!, new SecretsManagerSecretValueReader(harness.Factory.CreateSecretsManager()));
        using var handler = SlurmRestClient.CreateHandler();
        using var client = await SlurmRestClient.ConnectAsync(availability.Endpoint!, keys, new SlurmRestOptions { TimeProvider = harness.Aws.Clock }, handler);

        Assert.NotEmpty(await client.PingAsync());
        var running = Assert.Single(await client.ListJobsAsync(), j => j.States.Contains("RUNNING"));
        var nodes = (await client.ListNodesAsync()).Select(n => n.Name).ToList();
        Assert.Equal(2, nodes.Count); // compute-1..max, the powered-down one too
        await client.DrainNodesAsync(nodes, "pcs-automation-test (cluster-secret-rotation)");
        Assert.All(await client.ListNodesAsync(), n => Assert.True(n.IsDrain, n.Name));
        var now = harness.Aws.Clock.GetUtcNow();
        await client.CreateMaintenanceReservationAsync(new SlurmMaintenanceReservation("pcs-automation-test", nodes, now.AddHours(3), now.AddHours(5), "test window"));
        Assert.Contains(await client.ListReservationsAsync(), r => r.Name == "pcs-automation-test");
        await client.ResumeNodesAsync(nodes);
        Assert.True(await client.DeleteReservationAsync("pcs-automation-test"));

        Assert.False(await client.DeleteReservationAsync("pcs-automation-test")); // already gone: not an error
        Assert.All(await client.ListNodesAsync(), n => Assert.False(n.IsDrain, n.Name));
        Assert.Equal(running.JobId, Assert.Single(await client.ListJobsAsync(), j => j.States.Contains("RUNNING")).JobId); // the drain let it run
    }

    [Fact]
    public async Task ClusterRestFactsMapper_ClusterWithRestOff_RestDisabledNamingTheCluster()
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c"));

        var availability = SlurmRestAvailability.Decide(ClusterRestFactsMapper.From(await GetClusterAsync(harness, "c")));

        Assert.Equal(SlurmRestUnavailableReason.RestDisabled, availability.Reason);
        Assert.Contains($"cluster c ({harness.ClusterId("c")})", availability.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void ClusterRestFactsMapper_JwtAuthReported_ItsKeyIsUsed()
    {
        var cluster = ModelCluster() with
        {
            SlurmConfiguration = new ClusterSlurmConfiguration
            {
                SlurmRest = new SlurmRest { Mode = SlurmRestMode.STANDARD },
                JwtAuth = new JwtAuth { JwtKey = new JwtKey { SecretArn = "arn:jwt", SecretVersion = "jv1" } },
                AuthKey = new SlurmAuthKey { SecretArn = "arn:auth", SecretVersion = "av1" },
            },
        };

        var availability = SlurmRestAvailability.Decide(ClusterRestFactsMapper.From(cluster));

        Assert.Equal(new SlurmKeyReference("arn:jwt", "jv1", SlurmKeyOrigin.JwtAuth), availability.Key);
        Assert.Equal(new Uri("http://192.0.2.1:6820/"), availability.Endpoint!.BaseAddress);
    }

    [Fact]
    public async Task SecretsManagerSecretValueReader_SecretRotatedAhead_PinnedVersionThenCurrentOne()
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c"));
        EnableRest(harness, "c");
        var availability = SlurmRestAvailability.Decide(ClusterRestFactsMapper.From(await GetClusterAsync(harness, "c")));
        var named = harness.Aws.State.FindCluster("c")!.SecretVersion;
        var oldValue = Assert.Single(harness.SecretValues());
        harness.Aws.Call("secretsmanager", "RotateSecret", new JsonObject { ["SecretId"] = harness.SecretArn("c") });
        harness.Aws.Clock.Advance(harness.Aws.Options.Durations.Rotation);
        var newValue = Assert.Single(harness.SecretValues(), v => v != oldValue);
        var secrets = harness.Factory.CreateSecretsManager();
        var keys = new SecretSlurmKeySource(availability.Key!, new SecretsManagerSecretValueReader(secrets));

        var pinned = await keys.ReadAsync(CancellationToken.None);
        var current = await keys.ReadCurrentAsync(CancellationToken.None);

        Assert.Equal(named, pinned.SecretVersion);
        Assert.True(SignedWith(Mint(harness, pinned), oldValue));   // guide L6915: HS256 over the base64-decoded value
        Assert.True(SignedWith(Mint(harness, current), newValue));
        Assert.False(SignedWith(Mint(harness, current), oldValue));
        Assert.Equal(2, harness.Aws.Calls.Of("secretsmanager", "GetSecretValue").Count);
        Assert.DoesNotContain(oldValue, pinned.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlurmRestClient_EndpointRefusesWithTheRealKey_ErrorCarriesNoSecretValueOrToken()
    {
        await using var harness = await HandlerHarness.StartAsync(Scenario.Cluster("c"));
        EnableRest(harness, "c");
        var availability = SlurmRestAvailability.Decide(ClusterRestFactsMapper.From(await GetClusterAsync(harness, "c")));
        var secrets = harness.Factory.CreateSecretsManager();
        var keys = new SecretSlurmKeySource(availability.Key!, new SecretsManagerSecretValueReader(secrets));
        var closed = ClosedLoopbackPort();
        using var handler = new SocketsHttpHandler();

        var error = await Assert.ThrowsAsync<SlurmRestUnreachableException>(() => SlurmRestClient.ConnectAsync(
            new SlurmRestEndpoint(harness.ClusterId("c"), "c", "127.0.0.1", closed), keys,
            new SlurmRestOptions { TimeProvider = new FakeTimeProvider(harness.Aws.Clock.GetUtcNow()), MaxAttempts = 1 }, handler));

        var value = Assert.Single(harness.SecretValues());
        Assert.NotEmpty(harness.Aws.Calls.Of("secretsmanager", "GetSecretValue")); // the key was read and a token minted
        Assert.Contains($"127.0.0.1:{closed}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(value.TrimEnd('='), error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", error.ToString(), StringComparison.Ordinal); // no JWT (every one starts with the header's base64url)
    }

    private static string Mint(HandlerHarness harness, SlurmJwtKey key) => new SlurmJwtMinter(harness.Aws.Clock, SlurmIdentity.Root).Mint(key).Reveal();

    private static bool SignedWith(string token, string secretValue)
    {
        var parts = token.Split('.');
        var signature = HMACSHA256.HashData(Convert.FromBase64String(secretValue), Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
        return System.Buffers.Text.Base64Url.EncodeToString(signature) == parts[2];
    }

    private static void EnableRest(HandlerHarness harness, string clusterName)
    {
        lock (harness.Aws.State.Gate)
            harness.Aws.State.FindCluster(clusterName)!.SlurmConfiguration["slurmRest"] = new JsonObject { ["mode"] = "STANDARD" };
    }

    private static async Task<Cluster> GetClusterAsync(HandlerHarness harness, string clusterName)
    {
        var pcs = harness.Factory.CreatePcs();
        return (await pcs.GetClusterAsync(new GetClusterRequest { ClusterIdentifier = clusterName })).Cluster!;
    }

    /// <summary>The guide's GetCluster answer (L6832-6843), as the model's record.</summary>
    private static Cluster ModelCluster() => new()
    {
        Name = "demo", Id = "pcs_abc123", Arn = "arn:aws:pcs:us-east-1:111122223333:cluster/pcs_abc123",
        Status = ClusterStatus.ACTIVE, CreatedAt = DateTimeOffset.UnixEpoch, ModifiedAt = DateTimeOffset.UnixEpoch,
        Scheduler = new Scheduler { Type = SchedulerType.SLURM, Version = "25.05" }, Size = Size.SMALL,
        Networking = new Networking(),
        Endpoints =
        [
            new Endpoint { Type = EndpointType.SLURMCTLD, PrivateIpAddress = "192.0.2.1", Port = "6817" },
            new Endpoint { Type = EndpointType.SLURMRESTD, PrivateIpAddress = "192.0.2.1", Port = "6820" },
        ],
    };

    private static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
