namespace PcsAutomation.LocalAws.Faults;

/// <summary>
/// A token bucket on the virtual clock, the algorithm EC2 documents for its API throttling
/// (https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html): the bucket starts full at
/// <see cref="Capacity"/>, each request takes one token, and <see cref="RefillPerSecond"/> tokens come back every
/// second up to the capacity ("If the bucket is full when refill tokens arrive, they are discarded"); a request that
/// finds less than one token is throttled and takes none. Refill is continuous (a fraction of a token per fraction of a
/// second), so the outcome depends only on the virtual times of the requests, never on the wall clock.
/// </summary>
internal sealed class TokenBucket
{
    private double tokens;
    private DateTimeOffset refilledAt;

    public TokenBucket(double capacity, double refillPerSecond, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(refillPerSecond);
        Capacity = capacity;
        RefillPerSecond = refillPerSecond;
        tokens = capacity;
        refilledAt = now;
    }

    public double Capacity { get; }

    public double RefillPerSecond { get; }

    /// <summary>Tokens left at <paramref name="now"/> (refilled up to then).</summary>
    public double Available(DateTimeOffset now)
    {
        Refill(now);
        return tokens;
    }

    /// <summary>Takes a token; when there is none, returns false and how long until one is back.</summary>
    public bool TryTake(DateTimeOffset now, out TimeSpan untilNextToken)
    {
        Refill(now);
        if (tokens >= 1)
        {
            tokens -= 1;
            untilNextToken = TimeSpan.Zero;
            return true;
        }
        untilNextToken = TimeSpan.FromSeconds((1 - tokens) / RefillPerSecond);
        return false;
    }

    private void Refill(DateTimeOffset now)
    {
        if (now <= refilledAt) return; // the virtual clock never goes back; a stale reading refills nothing
        tokens = Math.Min(Capacity, tokens + (now - refilledAt).TotalSeconds * RefillPerSecond);
        refilledAt = now;
    }
}
