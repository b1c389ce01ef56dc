using Microsoft.Extensions.Time.Testing;
using PcsAutomation.Slurm.Auth;
using PcsAutomation.Slurm.Client;
using PcsAutomation.Slurm.Connection;

namespace PcsAutomation.Slurm.Tests.Support;

/// <summary>A client on the stub: cluster demo at 10.0.1.23:6820, the old key at the version the cluster names, a fake clock.</summary>
internal sealed class Clients
{
    public static readonly SlurmRestEndpoint Endpoint = new("pcs_abc123", "demo", "10.0.1.23", 6820);

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(SlurmResponses.Now));

    /// <summary>Version v-old holds the old key; AWSCURRENT holds it too until a test rotates it.</summary>
    public FakeSecrets Secrets { get; } = new FakeSecrets { Current = TestKeys.Base64(TestKeys.OldBytes) }
        .WithVersion("v-old", TestKeys.Base64(TestKeys.OldBytes));

    public SlurmRestOptions Options => new() { TimeProvider = Clock, RetryDelay = TimeSpan.Zero };

    public Task<SlurmRestClient> ConnectAsync(HttpMessageHandler handler, SlurmRestOptions? options = null) =>
        SlurmRestClient.ConnectAsync(Endpoint, new SecretSlurmKeySource(TestKeys.Reference("v-old"), Secrets), options ?? Options, handler);
}
