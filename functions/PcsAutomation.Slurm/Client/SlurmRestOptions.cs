using PcsAutomation.Slurm.Auth;

namespace PcsAutomation.Slurm.Client;

/// <summary>How a <see cref="SlurmRestClient"/> talks to slurmrestd; validated once by <see cref="Validate"/>.</summary>
public sealed record SlurmRestOptions
{
    /// <summary>The clock for token times, per-attempt timeouts and backoff. Required: only the bootstrap passes the system clock.</summary>
    public required TimeProvider TimeProvider { get; init; }

    /// <summary>Who the tokens speak for. Default <see cref="SlurmIdentity.Root"/>, the Slurm administrator on PCS (see there).</summary>
    public SlurmIdentity Identity { get; init; } = SlurmIdentity.Root;

    /// <summary>How long a minted token is valid, between 1 min and 1 h. Default 5 min.</summary>
    public TimeSpan TokenLifetime { get; init; } = SlurmJwtMinter.DefaultLifetime;

    /// <summary>How long one attempt may wait for its response, between 1 s and 5 min. Default 10 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per request, first included, between 1 and 5 (only no answer and 5xx without Slurm errors are retried). Default 3.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The wait before the second attempt, doubled before each next one, between 0 and 30 s. Default 500 ms.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The largest response read, between 1 MiB and 256 MiB (a cluster's job list). Default 64 MiB.</summary>
    public long MaxResponseBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad property.</summary>
    public void Validate()
    {
        if (TimeProvider is null)
            throw new ArgumentException("SlurmRestOptions.TimeProvider is required.", nameof(TimeProvider));
        if (Identity is null)
            throw new ArgumentException("SlurmRestOptions.Identity is required.", nameof(Identity));
        Identity.Validate();
        if (TokenLifetime < TimeSpan.FromMinutes(1) || TokenLifetime > TimeSpan.FromHours(1))
            throw new ArgumentOutOfRangeException(nameof(TokenLifetime), TokenLifetime, "SlurmRestOptions.TokenLifetime must be between 1 minute and 1 hour.");
        if (RequestTimeout < TimeSpan.FromSeconds(1) || RequestTimeout > TimeSpan.FromMinutes(5))
            throw new ArgumentOutOfRangeException(nameof(RequestTimeout), RequestTimeout, "SlurmRestOptions.RequestTimeout must be between 1 second and 5 minutes.");
        if (MaxAttempts is < 1 or > 5)
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "SlurmRestOptions.MaxAttempts must be between 1 and 5.");
        if (RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromSeconds(30))
            throw new ArgumentOutOfRangeException(nameof(RetryDelay), RetryDelay, "SlurmRestOptions.RetryDelay must be between 0 and 30 seconds.");
        if (MaxResponseBytes is < 1024 * 1024 or > 256L * 1024 * 1024)
            throw new ArgumentOutOfRangeException(nameof(MaxResponseBytes), MaxResponseBytes, "SlurmRestOptions.MaxResponseBytes must be between 1 MiB and 256 MiB.");
    }
}
