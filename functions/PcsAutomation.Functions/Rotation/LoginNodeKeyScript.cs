namespace PcsAutomation.Functions.Rotation;

/// <summary>
/// The shell lines <c>RefreshLoginNodes</c> runs (SSM <c>AWS-RunShellScript</c>) on each bring-your-own login node
/// after a rotation. The guide's manual steps, unattended: after RotationSucceeded, BYO login nodes need the new key
/// in <c>/etc/slurm/slurm.key</c> and a <c>sackd</c> restart (guide L2434-2438, digest §3.4/§3.5, §14); the key is the
/// base64-decoded <c>SecretString</c>, mode 0600, owned by the user and group that run sackd, <c>slurm:slurm</c>
/// (guide L4018-4042). PCS-managed login node groups need nothing and are not targeted.
/// </summary>
/// <remarks>
/// The key is fetched ON THE NODE with the node's own instance profile, so it never appears in the command's
/// parameters, in SSM's command history, in CloudTrail or in this function's output. Nothing in the script prints it:
/// the value only flows through a pipe into a file created with mode 0600. Nodes set up with the guide's
/// multi-cluster script (<c>sackd-pcs-&lt;name&gt;</c>, JWKS files, L4337-4390) are not covered.
/// </remarks>
internal static class LoginNodeKeyScript
{
    public const string KeyPath = "/etc/slurm/slurm.key";

    /// <summary>The <c>commands</c> parameter. <paramref name="secretArn"/> and <paramref name="region"/> are validated first (no quotes can occur).</summary>
    public static IReadOnlyList<string> Commands(string secretArn, string region) =>
    [
        // Any failed line (fetch, decode, chown, restart) fails the invocation: CheckLoginNodes sees Failed, never a half-done node.
        "set -euo pipefail",
        "umask 077",
        // A failed run leaves no copy of the key behind (the files are root-only anyway).
        $"trap 'rm -f {KeyPath}.new {KeyPath}.tmp' EXIT",
        // guide L4015-4018: the directory must stay traversable by the slurm user.
        "mkdir -p /etc/slurm && chmod 0755 /etc/slurm",
        // Written beside the key and renamed over it, so sackd never reads a partial key.
        $"aws secretsmanager get-secret-value --region '{region}' --secret-id '{secretArn}' --version-stage AWSCURRENT --query SecretString --output text | base64 -d > {KeyPath}.new",
        $"test -s {KeyPath}.new",
        $"install -o slurm -g slurm -m 0600 {KeyPath}.new {KeyPath}.tmp",
        $"mv -f {KeyPath}.tmp {KeyPath}",
        // guide L2438: sackd reads the key at start.
        "systemctl restart sackd",
    ];
}
