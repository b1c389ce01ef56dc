using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Ssm;

/// <summary>What the SSM agent of an instance does with a command.</summary>
public enum SsmOutcome
{
    /// <summary>Runs it: exit code 0 (or <see cref="SsmAgentRule.ExitCode"/>, a non-zero code meaning Failed).</summary>
    Success,

    /// <summary>Runs it and exits with <see cref="SsmAgentRule.ExitCode"/> (default 1): Failed.</summary>
    Fail,

    /// <summary>Runs until the execution timeout: TimedOut / ExecutionTimedOut.</summary>
    TimeOut,

    /// <summary>Never gets it: Failed / Undeliverable after <see cref="SsmAgentRule.Duration"/>.</summary>
    Undeliverable,

    /// <summary>Not a managed node (no agent, no instance profile): SendCommand refuses it by id, tag targets skip it.</summary>
    Unmanaged,
}

/// <summary>
/// A rule for the instances it matches (by id, or by Name tag: PCS names nodes after their node group). Instances no
/// rule matches are managed and succeed: PCS nodes carry AmazonSSMManagedInstanceCore in the guide's setup (L704-755).
/// </summary>
public sealed record SsmAgentRule(SsmOutcome Outcome)
{
    public string? InstanceId { get; init; }
    public string? InstanceName { get; init; }
    public int? ExitCode { get; init; }
    public string StandardOutput { get; init; } = "";
    public string StandardError { get; init; } = "";

    /// <summary>How long the command runs (or how long until delivery is given up); default 5 seconds.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(5);

    public bool Matches(Ec2Instance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return (InstanceId is null || InstanceId == instance.InstanceId) &&
               (InstanceName is null || instance.Tags.GetValueOrDefault("Name") == InstanceName);
    }

    public static SsmAgentRule For(AwsWorld world, Ec2Instance instance)
    {
        ArgumentNullException.ThrowIfNull(world);
        return world.SsmAgents.FirstOrDefault(r => r.Matches(instance)) ?? new SsmAgentRule(SsmOutcome.Success);
    }
}
