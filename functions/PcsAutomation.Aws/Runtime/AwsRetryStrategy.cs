namespace PcsAutomation.Aws.Runtime;

/// <summary>
/// The AWS SDKs' standard retry mode: bounded attempts, full-jitter exponential backoff
/// <c>random * min(1 s * 2^(attempt-1), 20 s)</c>, and a retry quota (token bucket) so that a failing service
/// is not hammered: each retry costs 5 tokens (10 after a timeout), a success gives back what its retry cost, or 1.
/// </summary>
internal sealed class AwsRetryStrategy(int maxAttempts, Func<double> random, int quotaCapacity = AwsRetryStrategy.DefaultQuota)
{
    public const int DefaultQuota = 500;
    public const int RetryCost = 5;
    public const int TimeoutRetryCost = 10;
    public static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(20);

    private readonly Lock quotaLock = new();
    private readonly int capacity = quotaCapacity;
    private int quota = quotaCapacity;

    public int MaxAttempts => maxAttempts;

    public int AvailableQuota
    {
        get
        {
            lock (quotaLock)
                return quota;
        }
    }

    /// <summary>The delay before the next attempt after a retryable failure of <paramref name="attempt"/> (1-based), or null to give up.</summary>
    public RetryDecision? NextRetry(int attempt, bool timedOut)
    {
        if (attempt >= maxAttempts)
            return null;
        var cost = timedOut ? TimeoutRetryCost : RetryCost;
        lock (quotaLock)
        {
            if (quota < cost)
                return null;
            quota -= cost;
        }

        var ceiling = Math.Min(BaseDelay.TotalSeconds * Math.Pow(2, attempt - 1), MaxBackoff.TotalSeconds);
        return new RetryDecision(TimeSpan.FromSeconds(random() * ceiling), cost);
    }

    /// <summary>A call succeeded: refund the last retry's cost, or 1 token when it needed no retry.</summary>
    public void RecordSuccess(int lastAcquired)
    {
        lock (quotaLock)
            quota = Math.Min(capacity, quota + (lastAcquired > 0 ? lastAcquired : 1));
    }
}

/// <summary>Wait <paramref name="Delay"/>, then retry; <paramref name="Cost"/> tokens were taken from the quota.</summary>
internal sealed record RetryDecision(TimeSpan Delay, int Cost);
