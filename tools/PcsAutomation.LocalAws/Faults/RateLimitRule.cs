namespace PcsAutomation.LocalAws.Faults;

/// <summary>Which operations of a service a <see cref="RateLimitRule"/> counts.</summary>
public enum OperationClass
{
    /// <summary>Every operation.</summary>
    Any,

    /// <summary>Reads: the service's read-only operations (Get*, List*, Describe*...; <c>JsonServiceRegistration.IsReadOnly</c>).</summary>
    ReadOnly,

    /// <summary>Everything else: creates, updates, deletes, tags.</summary>
    Mutating,
}

/// <summary>
/// A request-rate limit on the virtual clock for one service (signing name, e.g. "pcs"): a token bucket of
/// <see cref="Capacity"/> tokens refilled at <see cref="RefillPerSecond"/> (<see cref="TokenBucket"/>). A request over
/// the limit is answered with the service's throttling error and changes nothing. The first rule that matches a call
/// decides, so a rule naming one <see cref="Operation"/> goes before the class rule it is an exception to (EC2's
/// "uncategorized actions" before its "mutating actions"). Presets: <see cref="RateLimits"/>.
/// </summary>
/// <param name="Service">The signing name: "pcs", "ec2", ...</param>
/// <param name="Capacity">The bucket's maximum, at least 1: how many requests may come at once (the burst).</param>
/// <param name="RefillPerSecond">Tokens added back per second of virtual time, more than 0: the sustained rate.</param>
public sealed record RateLimitRule(string Service, double Capacity, double RefillPerSecond)
{
    /// <summary>One operation only (null: every operation of <see cref="Class"/>).</summary>
    public string? Operation { get; init; }

    /// <summary>Which operations count (ignored when <see cref="Operation"/> is set).</summary>
    public OperationClass Class { get; init; } = OperationClass.Any;

    /// <summary>
    /// True: each operation has a bucket of its own, as EC2 does ("each API is evaluated individually",
    /// https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html). False: the matching operations share one
    /// bucket, as ECS's categories do ("All API actions in a category share the same token bucket",
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/request-throttling.html).
    /// </summary>
    public bool BucketPerOperation { get; init; }

    /// <summary>The limit's name in reports, e.g. "PCS reads".</summary>
    public string Name { get; init; } = "";

    /// <summary>Whether a call of <paramref name="operation"/> on <paramref name="service"/> counts against this limit.</summary>
    public bool Matches(string service, string operation, bool readOnly) =>
        Service == service && (Operation is not null
            ? Operation == operation
            : Class switch
            {
                OperationClass.ReadOnly => readOnly,
                OperationClass.Mutating => !readOnly,
                _ => true,
            });

    /// <summary>Throws <see cref="ArgumentException"/> naming the property that is out of range.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Service))
            throw new ArgumentException("RateLimitRule.Service must name a service (its signing name, e.g. \"pcs\").", nameof(Service));
        if (!(Capacity >= 1) || double.IsInfinity(Capacity))
            throw new ArgumentOutOfRangeException(nameof(Capacity), Capacity, $"RateLimitRule.Capacity of {Service} must be at least 1 token.");
        if (!(RefillPerSecond > 0) || double.IsInfinity(RefillPerSecond))
            throw new ArgumentOutOfRangeException(nameof(RefillPerSecond), RefillPerSecond, $"RateLimitRule.RefillPerSecond of {Service} must be more than 0.");
        if (!Enum.IsDefined(Class))
            throw new ArgumentOutOfRangeException(nameof(Class), Class, $"RateLimitRule.Class of {Service} is not an OperationClass.");
    }
}
