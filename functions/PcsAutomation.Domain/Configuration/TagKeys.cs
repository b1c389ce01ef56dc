namespace PcsAutomation.Domain.Configuration;

/// <summary>Tag keys the automation reads. Only the managed key can be renamed (stack parameter); the others are fixed.</summary>
public static class TagKeys
{
    /// <summary>Default key of the opt-in tag; the stack may override it (PCS_AUTOMATION_MANAGED_TAG_KEY).</summary>
    public const string DefaultManaged = "pcs-automation:managed";

    public const string MaintenanceWindow = "pcs-automation:maintenance-window";

    public const string RotationMaxAge = "pcs-automation:rotation-max-age";

    /// <summary>Cluster tag whose VALUE is the EC2 tag key that marks the cluster's BYO login instances.</summary>
    public const string ByoLoginTag = "pcs-automation:byo-login-tag";

    /// <summary>Cluster tag: <c>true</c> makes a rotation succeed only when the cluster reports the new secret version.</summary>
    public const string StrictVerification = "pcs-automation:strict-verification";

    /// <summary>Cluster tag: the AMI channel its node groups follow, in the lookup's syntax (sample, custom:, tag:, ssm:).</summary>
    public const string AmiChannel = "pcs-automation:ami-channel";

    /// <summary>Cluster tag: the owner of a custom: or tag: channel's images (self, amazon or an account id; default self).</summary>
    public const string AmiOwner = "pcs-automation:ami-owner";

    /// <summary>Cluster tag: <c>notify</c> (tell people a newer image is available) or <c>apply</c> (roll it out in the window).</summary>
    public const string AmiUpdate = "pcs-automation:ami-update";

    /// <summary>
    /// Compute node group tag: the Capacity Reservation id (<c>cr-</c>...) of the Capacity Block that takes over when the
    /// group's block expires; the group gets a new launch template version naming it (guide L3427, L3480).
    /// </summary>
    public const string SuccessorBlock = "pcs-automation:successor-block";

    /// <summary>
    /// Compute node group tag: the name or id of a prepared node group (on a new block) attached to the expiring group's
    /// queues in its place, as the guide recommends for a new block (L3486-3488).
    /// </summary>
    public const string SuccessorNodeGroup = "pcs-automation:successor-node-group";

    /// <summary>Compute node group tag: the name or id of the group the expiring group's queues fail over to (not on the same block).</summary>
    public const string FallbackNodeGroup = "pcs-automation:fallback-node-group";

    /// <summary>
    /// Cluster tag: what happens to running Slurm jobs when a workflow needs the nodes: <c>reserve</c> (a Slurm MAINT
    /// reservation so that no job starts that would run into the window, then a bounded wait), <c>drain</c> (drain the
    /// nodes at the window's start, then a bounded wait) or <c>requeue</c> (no wait: scaling down ends the jobs and puts
    /// them back in their queues, guide L2668). Default <c>reserve</c>, which needs the Slurm REST API (JobProtection).
    /// </summary>
    public const string JobPolicy = "pcs-automation:job-policy";

    /// <summary>Cluster tag: how long <c>reserve</c> and <c>drain</c> wait for running jobs, <c>&lt;n&gt;m</c>, <c>&lt;n&gt;h</c> or <c>1d</c>, 5m..24h (default 1h).</summary>
    public const string JobPolicyTimeout = "pcs-automation:job-policy-timeout";

    /// <summary>Cluster tag: what a workflow does when jobs still run after the timeout: <c>proceed</c> or <c>abort</c> (default per workflow).</summary>
    public const string JobPolicyOnTimeout = "pcs-automation:job-policy-on-timeout";

    /// <summary>EC2 tag key used for BYO login instances when neither the cluster nor the stack names one.</summary>
    public const string DefaultByoLoginTagKey = "pcs-automation:byo-login-for";

    /// <summary>Set by PCS on the cluster secret (guide L2253) and on the cluster's EC2 instances (guide L3534).</summary>
    public const string PcsClusterId = "aws:pcs:cluster-id";

    /// <summary>Set by PCS on the cluster's EC2 instances: the id of the node group that launched them (guide L3532-3536).</summary>
    public const string PcsComputeNodeGroupId = "aws:pcs:compute-node-group-id";

    /// <summary>EC2 and PCS tag keys are at most 128 characters.</summary>
    internal const int MaxKeyLength = 128;

    internal static string ValidKey(string key, string sourceName)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new TagConfigurationException(sourceName, $"{sourceName}: a tag key is required, got an empty value");
        }

        if (key.Trim().Length != key.Length)
        {
            throw new TagConfigurationException(sourceName, $"{sourceName}: tag key '{key}' has leading or trailing whitespace");
        }

        if (key.Length > MaxKeyLength)
        {
            throw new TagConfigurationException(sourceName, $"{sourceName}: tag key is {key.Length} characters long, the maximum is {MaxKeyLength}");
        }

        return key;
    }
}
