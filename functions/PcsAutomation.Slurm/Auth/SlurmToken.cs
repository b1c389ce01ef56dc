using System.Diagnostics;

namespace PcsAutomation.Slurm.Auth;

/// <summary>
/// A minted JWT for slurmrestd. It authenticates as <see cref="UserName"/> until <see cref="ExpiresAt"/>, so it is as
/// secret as the key: <see cref="ToString"/> and the debugger show who and until when, never the token.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class SlurmToken
{
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly string value;

    internal SlurmToken(string value, string userName, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        this.value = value;
        UserName = userName;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
    }

    public string UserName { get; }

    public DateTimeOffset IssuedAt { get; }

    public DateTimeOffset ExpiresAt { get; }

    /// <summary>
    /// The compact JWS itself, for the <c>Authorization: Bearer</c> header (guide L6885-6890) and for tests that check
    /// it. Never log, return or store it.
    /// </summary>
    public string Reveal() => value;

    /// <summary>True from <paramref name="margin"/> before the expiry on: mint a new one rather than send one about to lapse.</summary>
    public bool ExpiresWithin(TimeSpan margin, DateTimeOffset now) => now >= ExpiresAt - margin;

    public override string ToString() => $"SlurmToken({UserName}, expires {ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z, value redacted)";
}
