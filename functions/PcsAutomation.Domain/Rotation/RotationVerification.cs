namespace PcsAutomation.Domain.Rotation;

/// <summary>One check of a rotation: its status and why.</summary>
public sealed record RotationCheck(string Status, string Reason);

/// <summary>
/// Where a rotation stands, from Secrets Manager's version stages and what <c>GetCluster</c> reports. Secrets Manager
/// has finished when AWSCURRENT moved off the version the plan saw (guide L2429-2431: the rotation result comes from
/// Secrets Manager). Whether PCS then reports the new version in <c>slurmConfiguration.authKey.secretVersion</c> is not
/// documented anywhere AWS publishes, so a mismatch is "rotated, not confirmed by the cluster" unless strict.
/// </summary>
public static class RotationVerification
{
    /// <summary>Secrets Manager finished and the cluster reports the new version.</summary>
    public const string Succeeded = "SUCCEEDED";

    /// <summary>Secrets Manager finished; the cluster still reports another version (a warning, not a failure, unless strict).</summary>
    public const string RotatedUnconfirmed = "ROTATED_UNCONFIRMED";

    /// <summary>Strict mode only: like <see cref="RotatedUnconfirmed"/>, which strict mode refuses.</summary>
    public const string NotVerified = "NOT_VERIFIED";

    /// <summary>No rotation in flight and AWSCURRENT unchanged: the rotation did not happen.</summary>
    public const string Failed = "FAILED";

    /// <summary>AWSPENDING is still there: poll again.</summary>
    public const string Pending = "PENDING";

    public static RotationCheck Decide(string previousVersionId, string? currentVersionId, bool rotationInFlight, string? clusterSecretVersion, bool strict)
    {
        if (currentVersionId is null || currentVersionId == previousVersionId)
        {
            return rotationInFlight
                ? new(Pending, $"AWSPENDING is still there; AWSCURRENT is {currentVersionId ?? "(none)"}")
                : new(Failed, $"no rotation in flight and AWSCURRENT is still {currentVersionId ?? "(none)"}");
        }

        if (clusterSecretVersion == currentVersionId)
            return new(Succeeded, $"AWSCURRENT moved {previousVersionId} -> {currentVersionId} and the cluster reports it");

        var mismatch = $"AWSCURRENT moved {previousVersionId} -> {currentVersionId}, but the cluster reports secret version {clusterSecretVersion ?? "(none)"}";
        return strict
            ? new(NotVerified, $"{mismatch}; strict verification requires the cluster to report the new version")
            : new(RotatedUnconfirmed, $"{mismatch}: rotated, not confirmed by the cluster");
    }
}
