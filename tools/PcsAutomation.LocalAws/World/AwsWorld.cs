using PcsAutomation.LocalAws.Clock;
using PcsAutomation.LocalAws.CloudTrail;
using PcsAutomation.LocalAws.Ec2;
using PcsAutomation.LocalAws.Pcs;
using PcsAutomation.LocalAws.SecretsManager;
using PcsAutomation.LocalAws.Ssm;

namespace PcsAutomation.LocalAws.World;

/// <summary>
/// The emulated account: every resource of every service, shared so that PCS launches instances that EC2
/// lists and rotation reads, and secrets that Secrets Manager serves. All access goes through <see cref="Gate"/>:
/// API calls and scheduled transitions run one at a time, so a test sees consistent states.
/// </summary>
public sealed class AwsWorld
{
    public AwsWorld(string accountId, string region, VirtualClock clock, int seed, Durations durations)
    {
        AccountId = accountId;
        Region = region;
        Clock = clock;
        Random = new Random(seed);
        Ids = new IdGenerator(Random);
        Durations = durations;
        CloudTrail = new CloudTrailLog(accountId, region, clock, Ids);
        CapacityBlockEvents = new CapacityBlockEvents(this);
    }

    public Lock Gate { get; } = new();
    public string AccountId { get; }
    public string Region { get; }
    public VirtualClock Clock { get; }
    public Random Random { get; }
    public IdGenerator Ids { get; }
    public Durations Durations { get; }
    public CloudTrailLog CloudTrail { get; }

    /// <summary>EC2's Capacity Block EventBridge events (delivered, expiration and interruption warnings).</summary>
    public CapacityBlockEvents CapacityBlockEvents { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    public Dictionary<string, PcsCluster> Clusters { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Ec2Instance> Instances { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Secret> Secrets { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, CapacityBlock> CapacityBlocks { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, LaunchTemplate> LaunchTemplates { get; } = new(StringComparer.Ordinal);

    /// <summary>Ids of launch templates deleted under PCS (scenario <c>deleteLaunchTemplate</c>): groups using them cannot launch.</summary>
    public HashSet<string> DeletedLaunchTemplates { get; } = new(StringComparer.Ordinal);

    /// <summary>AMIs by id: the public catalogue (PCS sample AMIs, AL2023, DLAMIs) and the account's own.</summary>
    public Dictionary<string, Ec2Image> Images { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Scenario hook: AMI ids whose instances never register with PCS (<c>images[].broken</c>), e.g. an image without a
    /// working PCS agent, the software that lets an instance register as a cluster member (guide L6389).
    /// </summary>
    public HashSet<string> BrokenImages { get; } = new(StringComparer.Ordinal);

    /// <summary>SSM Parameter Store by name, public <c>/aws/service/...</c> parameters included.</summary>
    public Dictionary<string, SsmParameter> Parameters { get; } = new(StringComparer.Ordinal);

    /// <summary>SSM Run Command commands by id, in the order sent (what ran where, with which result).</summary>
    public Dictionary<string, SsmCommand> Commands { get; } = new(StringComparer.Ordinal);

    /// <summary>How each instance's SSM agent answers commands (unmanaged, failing, timing out...); first match wins.</summary>
    public List<SsmAgentRule> SsmAgents { get; } = [];

    /// <summary>Monotonic counter giving list operations a stable creation order.</summary>
    public long NextSequence() => ++sequence;

    private long sequence;

    /// <summary>Schedules <paramref name="action"/> on the virtual clock, to run under <see cref="Gate"/>.</summary>
    public ScheduledWork After(TimeSpan delay, string description, Action action) =>
        Clock.Schedule(delay, description, () =>
        {
            lock (Gate) action();
        });

    public PcsCluster? FindCluster(string identifier) =>
        Clusters.GetValueOrDefault(identifier) ?? Clusters.Values.FirstOrDefault(c => c.Name == identifier);

    public IEnumerable<Ec2Instance> InstancesOfCluster(string clusterId) =>
        Instances.Values.Where(i => i.ClusterId == clusterId);

    public IEnumerable<Ec2Instance> InstancesOfNodeGroup(string nodeGroupId) =>
        Instances.Values.Where(i => i.NodeGroupId == nodeGroupId);
}
