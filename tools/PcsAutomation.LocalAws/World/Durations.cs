namespace PcsAutomation.LocalAws.World;

/// <summary>
/// How long emulated asynchronous work takes on the virtual clock. The guide only says "several minutes"
/// for PCS changes (digest §2.5) and "a few minutes" for rotation (L2382); these defaults stay in that range.
/// </summary>
public sealed record Durations
{
    public TimeSpan ClusterCreate { get; init; } = TimeSpan.FromMinutes(5);
    public TimeSpan ClusterUpdate { get; init; } = TimeSpan.FromMinutes(3);
    public TimeSpan ClusterDelete { get; init; } = TimeSpan.FromMinutes(3);
    public TimeSpan NodeGroupCreate { get; init; } = TimeSpan.FromMinutes(3);
    public TimeSpan NodeGroupUpdate { get; init; } = TimeSpan.FromMinutes(2);
    public TimeSpan NodeGroupDelete { get; init; } = TimeSpan.FromMinutes(2);
    public TimeSpan QueueCreate { get; init; } = TimeSpan.FromMinutes(1);
    public TimeSpan QueueUpdate { get; init; } = TimeSpan.FromMinutes(1);
    public TimeSpan QueueDelete { get; init; } = TimeSpan.FromMinutes(1);
    public TimeSpan InstanceBoot { get; init; } = TimeSpan.FromSeconds(90);
    public TimeSpan InstanceShutdown { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan Rotation { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a node's bootstrap retries registering with PCS before it shuts the instance down: not a choice, the
    /// guide's "Registration timeout (600 seconds) reached" (L11105-11107).
    /// </summary>
    public TimeSpan RegistrationTimeout { get; init; } = TimeSpan.FromSeconds(600);

    /// <summary>Slurm's SuspendTime when the cluster sets no scaleDownIdleTimeInSeconds (guide L6522: default 60).</summary>
    public TimeSpan DefaultScaleDownIdle { get; init; } = TimeSpan.FromSeconds(60);
}
