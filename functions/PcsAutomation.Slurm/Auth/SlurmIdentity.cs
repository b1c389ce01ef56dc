namespace PcsAutomation.Slurm.Auth;

/// <summary>
/// The POSIX user a token speaks for: slurmrestd runs every action as this user (guide L6861-6873: the claims PCS needs,
/// <c>sub</c>, <c>uid</c>, <c>gid</c>, <c>id{gecos,dir,shell,gids}</c>). Draining nodes and creating reservations are Slurm
/// administrator actions; on PCS the Slurm administrators are root (guide L7164, L7282: "Seuls les utilisateurs Slurm
/// Admin (utilisateurs root)"), and the guide's own maintenance reservation is held by root (L3518-3525). Hence
/// <see cref="Root"/> is the default (an assumption listed in the project README: PCS does not say that a REST token
/// for root is accepted; its example uses ec2-user, <see cref="Ec2User"/>).
/// </summary>
public sealed record SlurmIdentity
{
    /// <summary>root, uid 0, gid 0: the Slurm administrator on PCS (the default).</summary>
    public static SlurmIdentity Root { get; } = new()
    {
        UserName = "root", Uid = 0, Gid = 0, Gecos = "root", HomeDirectory = "/root", Shell = "/bin/bash", Gids = [0],
    };

    /// <summary>The guide's example user (L6949-6957): ec2-user, 1000/1000. Not an administrator.</summary>
    public static SlurmIdentity Ec2User { get; } = new()
    {
        UserName = "ec2-user", Uid = 1000, Gid = 1000, Gecos = "EC2 User", HomeDirectory = "/home/ec2-user", Shell = "/bin/bash", Gids = [1000],
    };

    /// <summary>The user name (claim <c>sub</c>).</summary>
    public required string UserName { get; init; }

    /// <summary>The POSIX user id (claim <c>uid</c>), 0 or more.</summary>
    public required long Uid { get; init; }

    /// <summary>The POSIX primary group id (claim <c>gid</c>), 0 or more.</summary>
    public required long Gid { get; init; }

    /// <summary>The comment field (claim <c>id.gecos</c>).</summary>
    public required string Gecos { get; init; }

    /// <summary>The home directory (claim <c>id.dir</c>).</summary>
    public required string HomeDirectory { get; init; }

    /// <summary>The login shell (claim <c>id.shell</c>).</summary>
    public required string Shell { get; init; }

    /// <summary>Every group the user belongs to (claim <c>id.gids</c>), at least one.</summary>
    public required IReadOnlyList<long> Gids { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad property.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(UserName) || UserName.Any(char.IsWhiteSpace))
            throw new ArgumentException($"SlurmIdentity.UserName must be a user name without spaces, not '{UserName}'.", nameof(UserName));
        if (Uid is < 0 or > uint.MaxValue - 1)
            throw new ArgumentOutOfRangeException(nameof(Uid), Uid, "SlurmIdentity.Uid must be a POSIX user id (0 to 4294967294).");
        if (Gid is < 0 or > uint.MaxValue - 1)
            throw new ArgumentOutOfRangeException(nameof(Gid), Gid, "SlurmIdentity.Gid must be a POSIX group id (0 to 4294967294).");
        if (Gids is null || Gids.Count == 0 || Gids.Any(g => g is < 0 or > uint.MaxValue - 1))
            throw new ArgumentException("SlurmIdentity.Gids must list at least one POSIX group id (0 to 4294967294).", nameof(Gids));
        if (string.IsNullOrWhiteSpace(HomeDirectory) || !HomeDirectory.StartsWith('/'))
            throw new ArgumentException($"SlurmIdentity.HomeDirectory must be an absolute path, not '{HomeDirectory}'.", nameof(HomeDirectory));
        if (string.IsNullOrWhiteSpace(Shell) || !Shell.StartsWith('/'))
            throw new ArgumentException($"SlurmIdentity.Shell must be an absolute path, not '{Shell}'.", nameof(Shell));
        ArgumentNullException.ThrowIfNull(Gecos);
    }
}
