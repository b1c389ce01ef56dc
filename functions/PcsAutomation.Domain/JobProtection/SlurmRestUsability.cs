using PcsAutomation.Domain.Ami;

namespace PcsAutomation.Domain.JobProtection;

/// <summary>
/// What decides whether the workflows can talk to a cluster's slurmrestd: read by the caller from GetCluster and its
/// own deployment, no I/O here.
/// </summary>
/// <param name="SlurmRestMode">GetCluster's <c>slurmConfiguration.slurmRest.mode</c> (<c>STANDARD</c> or <c>NONE</c>, the default when absent: ../shared/reference/botocore/pcs.service-2.json, SlurmRest).</param>
/// <param name="SchedulerVersion">GetCluster's <c>scheduler.version</c> (<c>25.05</c>).</param>
/// <param name="RestEndpoint">The <c>endpoints[]</c> entry of type <c>SLURMRESTD</c> as <c>address:port</c> (guide L6832-6843), or null when the cluster lists none.</param>
/// <param name="StackHasRestNetwork">The stack was deployed with SlurmRestSubnetIds and SlurmRestSecurityGroupId (<see cref="SlurmRestNetwork"/>).</param>
/// <param name="Unreachable">Why the endpoint could not be reached, when the caller tried (a ping that timed out, a refused connection), else null.</param>
/// <param name="ReservationsUnavailable">Why the server's API cannot create reservations, when the caller found so, else null: <c>reserve</c> then drains.</param>
public sealed record SlurmRestFacts(
    string? SlurmRestMode,
    string? SchedulerVersion,
    string? RestEndpoint,
    bool StackHasRestNetwork,
    string? Unreachable = null,
    string? ReservationsUnavailable = null);

/// <summary>The policy a workflow follows for a cluster, and why it is not the one asked for.</summary>
/// <param name="Requested">What the tags ask for (<see cref="JobPolicyTags"/>).</param>
/// <param name="Effective">What is done: the requested policy, or a fallback.</param>
/// <param name="FallbackReasons">Every reason the requested policy cannot be followed, in words an operator reads in the plan; empty when none.</param>
public sealed record EffectiveJobPolicy(JobPolicy Requested, JobPolicy Effective, IReadOnlyList<string> FallbackReasons)
{
    /// <summary>The reasons in one sentence, or null when the requested policy is followed.</summary>
    public string? FallbackReason => FallbackReasons.Count == 0 ? null : string.Join("; ", FallbackReasons);
}

/// <summary>
/// Whether <c>reserve</c> and <c>drain</c> can be had: both need slurmrestd. When they cannot, the workflow falls back
/// to <c>requeue</c> (what it did before) and says why, every reason at once so one look fixes them all:
/// the REST API enabled on the cluster (<c>slurmRest</c> mode <c>STANDARD</c>, guide L6764, L6786-6787), Slurm 25.05 or
/// later (L6707, L6736), a <c>SLURMRESTD</c> endpoint (L6832-6843), the stack's functions in the cluster's VPC (the
/// endpoint has a private address only, L6708, L7062-7064), and the endpoint reached (L7092-7096). Reservations the
/// server cannot make turn <c>reserve</c> into <c>drain</c> (issue 12: "falling back to DRAIN where it does not").
/// </summary>
public static class SlurmRestUsability
{
    /// <summary>The REST API needs Slurm 25.05 or later (guide L6707, L6736).</summary>
    public static readonly SlurmVersion MinimumVersion = new(25, 5);

    /// <summary>The mode that enables the REST API (guide L6764; botocore SlurmRestMode: STANDARD, NONE).</summary>
    public const string EnabledMode = "STANDARD";

    /// <summary>The endpoint type of slurmrestd in GetCluster's <c>endpoints[]</c> (guide L6832-6843; botocore EndpointType).</summary>
    public const string EndpointType = "SLURMRESTD";

    /// <summary>slurmrestd's port (guide L6709, L6737, L6976); the cluster's security group must let the functions reach it.</summary>
    public const int Port = 6820;

    public static EffectiveJobPolicy Decide(JobPolicy requested, SlurmRestFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (requested == JobPolicy.Requeue)
            return new(requested, JobPolicy.Requeue, []);

        var reasons = Unusable(facts);
        if (reasons.Count > 0)
            return new(requested, JobPolicy.Requeue, reasons);
        if (requested == JobPolicy.Reserve && facts.ReservationsUnavailable is { } why)
            return new(requested, JobPolicy.Drain, [$"no reservations: {why}"]);
        return new(requested, requested, []);
    }

    /// <summary>Why slurmrestd cannot be used, every reason; empty when it can.</summary>
    public static IReadOnlyList<string> Unusable(SlurmRestFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var reasons = new List<string>();
        var enabled = string.Equals(facts.SlurmRestMode, EnabledMode, StringComparison.Ordinal);
        if (!enabled)
            reasons.Add($"REST disabled on the cluster (slurmRest mode {(string.IsNullOrEmpty(facts.SlurmRestMode) ? "NONE" : facts.SlurmRestMode)})");

        if (!SlurmVersion.TryParse(facts.SchedulerVersion, out var version))
            reasons.Add($"Slurm version '{facts.SchedulerVersion}' unknown (the REST API needs {MinimumVersion} or later)");
        else if (version < MinimumVersion)
            reasons.Add($"Slurm {version} < {MinimumVersion}");

        // A disabled API lists no endpoint: saying so twice would not help.
        if (enabled && string.IsNullOrEmpty(facts.RestEndpoint))
            reasons.Add($"the cluster lists no {EndpointType} endpoint");
        if (!facts.StackHasRestNetwork)
            reasons.Add($"the stack has no {SlurmRestNetwork.SubnetIdsParameter}/{SlurmRestNetwork.SecurityGroupIdParameter}: its functions are not in the cluster's VPC");
        if (facts.Unreachable is { } unreachable)
            reasons.Add($"endpoint unreachable: {unreachable}");
        return reasons;
    }
}
