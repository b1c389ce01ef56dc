using System.Globalization;

namespace PcsAutomation.Domain.NodeGroupUpdate;

/// <summary>One new-image instance judged unhealthy: the rule, the guide lines, and what happened.</summary>
public sealed record HealthFinding(string InstanceId, string Rule, string Guide, string Message);

/// <summary>The health decision: healthy when no finding.</summary>
public sealed record HealthStatus(IReadOnlyList<HealthFinding> Findings)
{
    public bool Healthy => Findings.Count == 0;
}

/// <summary>
/// Are the instances launched on the new image healthy? Read from EC2 alone (the Slurm node states are not in any AWS
/// API), for instances of the group (tag with its id) that report the new image and launched since the change:
/// <list type="bullet">
/// <item><c>registration-failed</c>: the instance shut itself down (EC2 <c>StateReason</c> <c>Client.InstanceInitiatedShutdown</c>,
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_StateReason.html): the PCS bootstrap does that when the node
/// has not registered within 600 s (guide L11100-11108).</item>
/// <item><c>node-down</c>: it ended otherwise, sooner than PCS would end an idle node (its scale-down idle time): a node
/// that never becomes healthy is set DOWN and terminated (guide L11253-11256, L11265). EC2 ending it (<c>Server.*</c>
/// codes: Spot reclaim, capacity, retirement) is not the image's fault and is not counted.</item>
/// </list>
/// </summary>
public static class NodeGroupHealth
{
    public const string RegistrationFailed = "registration-failed";
    public const string NodeDown = "node-down";

    /// <summary>EC2's code for a shutdown started from inside the instance.</summary>
    public const string InstanceInitiatedShutdown = "Client.InstanceInitiatedShutdown";

    /// <summary>The node registration timeout (guide L11105): an instance lives at least this long before its bootstrap gives up.</summary>
    public static readonly TimeSpan RegistrationTimeout = TimeSpan.FromSeconds(600);

    /// <param name="scaleDownIdleTime">The cluster's <c>scaleDownIdleTimeInSeconds</c>: PCS never ends an idle node sooner.</param>
    public static HealthStatus Evaluate(
        string nodeGroupId, string expectedImageId, IReadOnlyList<NodeInstance> instances, DateTimeOffset changedAt, TimeSpan scaleDownIdleTime, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(nodeGroupId);
        ArgumentNullException.ThrowIfNull(instances);
        var findings = new List<HealthFinding>();
        foreach (var instance in instances.OrderBy(i => i.InstanceId, StringComparer.Ordinal))
        {
            if (instance.NodeGroupTag != nodeGroupId || instance.ImageId != expectedImageId || !instance.HasEnded
                || instance.LaunchTime is not { } launched || launched < changedAt)
                continue;
            if (instance.StateReasonCode == InstanceInitiatedShutdown)
            {
                findings.Add(new(instance.InstanceId, RegistrationFailed, "guide L11100-11108",
                    $"{instance.InstanceId} on {expectedImageId} shut itself down: a node that does not register with PCS within 600 s stops"));
                continue;
            }
            if (instance.StateReasonCode?.StartsWith("Server.", StringComparison.Ordinal) == true)
                continue;
            // EC2 gives no end time (StateTransitionReason is free text, API_Instance), so "now" bounds the life from
            // above: the check polls every 2 min at most, and a longer bound can only miss a finding, never invent one.
            var lived = now - launched;
            if (lived < scaleDownIdleTime)
                findings.Add(new(instance.InstanceId, NodeDown, "guide L11253-11256, L11265",
                    string.Create(CultureInfo.InvariantCulture,
                        $"{instance.InstanceId} on {expectedImageId} ended at most {lived.TotalMinutes:0} min after launch, sooner than PCS ends an idle node ({scaleDownIdleTime.TotalMinutes:0} min): PCS sets a node that never becomes healthy DOWN and terminates it")));
        }
        return new HealthStatus(findings);
    }
}
