namespace PcsAutomation.LocalAws.Faults;

/// <summary>
/// Request-rate limits to pass to <see cref="FaultInjector.Limit"/>: EC2's documented token buckets for the actions the
/// emulator serves, and an assumed one for PCS, which documents none (README, "Inferred").
/// </summary>
public static class RateLimits
{
    /// <summary>
    /// EC2's request token buckets, per account and Region, each API its own bucket
    /// (https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html, "Request token bucket sizes and refill
    /// rates"): <c>CreateLaunchTemplateVersion</c> is an uncategorized action with 100 tokens refilled at 5 per second;
    /// the other <c>Describe*</c> actions served here are non-mutating actions, 100 and 20; any other action is mutating,
    /// 50 and 5. Not modelled: the smaller bucket (50, 10) of unfiltered and unpaginated DescribeInstances calls, and
    /// resource token buckets (RunInstances, TerminateInstances: PCS launches instances, not the caller).
    /// </summary>
    public static IReadOnlyList<RateLimitRule> Ec2Documented { get; } =
    [
        new("ec2", 100, 5) { Operation = "CreateLaunchTemplateVersion", BucketPerOperation = true, Name = "EC2 CreateLaunchTemplateVersion" },
        new("ec2", 100, 20) { Class = OperationClass.ReadOnly, BucketPerOperation = true, Name = "EC2 non-mutating actions (each its own bucket)" },
        new("ec2", 50, 5) { Class = OperationClass.Mutating, BucketPerOperation = true, Name = "EC2 mutating actions (each its own bucket)" },
    ];

    /// <summary>
    /// An assumption: PCS documents no request rate (the guide's quotas, L10895-10936, list none; the API model only
    /// says ThrottlingException means "Your request exceeded a request rate quota"). Taken from the nearest AWS service
    /// that documents its rates for a cluster control plane, ECS
    /// (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/request-throttling.html): its "Cluster read actions"
    /// (50 tokens, 20 per second) for every PCS read, and its "Cluster modify actions" (20 tokens, 1 per second) for
    /// every PCS write, each class one bucket shared by all its operations per account and Region. Stricter than EC2's
    /// per-API buckets on purpose: an automation that copes with these copes with faster ones.
    /// </summary>
    public static IReadOnlyList<RateLimitRule> PcsAssumed { get; } =
    [
        new("pcs", 50, 20) { Class = OperationClass.ReadOnly, Name = "PCS reads (Get*, List*), assumed" },
        new("pcs", 20, 1) { Class = OperationClass.Mutating, Name = "PCS writes, assumed" },
    ];
}
