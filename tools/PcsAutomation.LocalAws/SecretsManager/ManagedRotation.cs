using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Pcs;
using PcsAutomation.LocalAws.Protocol;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.SecretsManager;

/// <summary>
/// RotateSecret on a PCS cluster secret: Secrets Manager managed rotation (guide L2367-2404). The call returns
/// at once with the AWSPENDING version and records RotationStarted; a few virtual minutes later the rotation
/// succeeds (new key AWSCURRENT, old AWSPREVIOUS, the cluster's authKey.secretVersion follows, RotationSucceeded)
/// or fails (RotationFailed, AWSCURRENT unchanged) when nodes are still up or the cluster's status forbids it.
/// </summary>
public sealed class ManagedRotation(AwsWorld world)
{
    public const string EventSource = "secretsmanager.amazonaws.com";
    public const string Source = "aws.secretsmanager";

    /// <summary>Guide L2388, L2413, L2483: rotation needs the cluster ACTIVE or UPDATE_FAILED.</summary>
    public static readonly IReadOnlyList<string> RotatableClusterStatuses = [PcsStatus.Active, PcsStatus.UpdateFailed];

    /// <summary>
    /// A failed rotation leaves its AWSPENDING version behind, as a failed Lambda rotation does, so the next
    /// RotateSecret with another token fails until the label is removed (UpdateSecretVersionStage). Default true.
    /// </summary>
    public bool FailedRotationLeavesPending { get; set; } = true;

    public JsonObject Rotate(Secret secret, RequestReader reader)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(reader);
        var token = reader.OptionalString("ClientRequestToken");
        if (token is { Length: < 32 or > 64 }) throw SecretsErrors.InvalidParameter("ClientRequestToken must be between 32 and 64 characters.");
        var rules = reader.OptionalObject("RotationRules");
        var immediately = reader.OptionalBool("RotateImmediately") ?? true;
        var lambda = reader.OptionalString("RotationLambdaARN");
        if (secret.OwningService != "pcs")
            throw SecretsErrors.InvalidRequest(lambda is null && secret.RotationLambdaArn is null
                ? "No Lambda rotation function ARN is associated with this secret."
                : "Rotation through a Lambda function is not emulated; only managed rotation of PCS cluster secrets is.");

        var pending = secret.Versions.FirstOrDefault(v => v.Stages.Contains(Secret.Pending) && !v.Stages.Contains(Secret.Current));
        // The token "helps ensure idempotency ... to prevent the accidental creation of duplicate versions if there are
        // failures and retries during a rotation" (RotateSecret, ClientRequestToken:
        // https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_RotateSecret.html, and
        // ../shared/reference/botocore/secretsmanager.service-2.json): a retry whose version already exists and is no
        // longer pending (the rotation it started finished) answers that version and starts nothing.
        if (token is not null && pending?.VersionId != token && secret.Versions.FirstOrDefault(v => v.VersionId == token) is { } done)
            return SecretsJson.Identity(secret, done.VersionId);
        if (pending is not null && pending.VersionId != token)
        {
            // Secrets Manager refuses a new rotation while an earlier one left AWSPENDING, and retries the earlier one.
            if (secret.RotationInFlight is null) Schedule(secret, pending);
            throw SecretsErrors.InvalidRequest("A previous rotation isn't complete. That rotation will be reattempted.");
        }

        if (rules is not null)
        {
            secret.RotationRules = (JsonObject)rules.Json.DeepClone();
            secret.RotationEnabled = true;
            if (rules.OptionalInt("AutomaticallyAfterDays") is { } days) secret.NextRotationDate = world.Now.AddDays(days);
        }
        if (!immediately) return SecretsJson.Identity(secret);

        if (pending is null)
        {
            pending = new SecretVersion { VersionId = token ?? world.Ids.Uuid(), SecretString = world.Ids.Base64Key(), CreatedDate = world.Now };
            pending.Stages.Add(Secret.Pending);
            secret.Versions.Add(pending);
        }
        if (secret.RotationInFlight is null) Schedule(secret, pending);
        return SecretsJson.Identity(secret, pending.VersionId);
    }

    /// <summary>Turns rotation off and stops a rotation in flight; AWSPENDING stays where it is (as the real service does).</summary>
    public static JsonObject Cancel(Secret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.RotationEnabled != true && secret.RotationInFlight is null)
            throw SecretsErrors.InvalidRequest("Secrets Manager can't cancel rotation because rotation isn't enabled or in progress for this secret.");
        secret.RotationInFlight?.Cancel();
        secret.RotationInFlight = null;
        secret.RotationEnabled = false;
        var pending = secret.VersionWithStage(Secret.Pending);
        return SecretsJson.Identity(secret, pending?.VersionId);
    }

    private void Schedule(Secret secret, SecretVersion pending)
    {
        Record(secret, "RotationStarted");
        secret.RotationInFlight = world.After(world.Durations.Rotation, $"rotate {secret.Name}", () =>
        {
            secret.RotationInFlight = null;
            Complete(secret, pending);
        });
    }

    private void Complete(Secret secret, SecretVersion pending)
    {
        if (!secret.Versions.Contains(pending) || !pending.Stages.Contains(Secret.Pending)) return;
        if (FailureReason(secret) is { } reason)
        {
            if (!FailedRotationLeavesPending) secret.Versions.Remove(pending);
            Record(secret, "RotationFailed", reason);
            return;
        }
        pending.Stages.Remove(Secret.Pending);
        secret.Promote(pending);
        secret.LastRotatedDate = world.Now;
        secret.LastChangedDate = world.Now;
        if (secret.RotationRules?["AutomaticallyAfterDays"]?.GetValue<int>() is { } days) secret.NextRotationDate = world.Now.AddDays(days);
        if (ClusterSecrets.OwningCluster(world, secret) is { } cluster) cluster.SecretVersion = pending.VersionId;
        Record(secret, "RotationSucceeded");
    }

    /// <summary>Why PCS refuses the new key now (guide L2386-2391, L2468-2470, L2476-2491), or null.</summary>
    private string? FailureReason(Secret secret)
    {
        var cluster = ClusterSecrets.OwningCluster(world, secret);
        if (cluster is null) return "The PCS cluster that owns this secret doesn't exist.";
        if (!RotatableClusterStatuses.Contains(cluster.Status))
            return $"The cluster {cluster.Id} is {cluster.Status}; rotation needs ACTIVE or UPDATE_FAILED.";
        var up = world.InstancesOfCluster(cluster.Id).Count(i => i.IsNotStopped);
        return up > 0
            ? $"The cluster {cluster.Id} has {up} compute node instance(s) that are not stopped; scale every compute node group to 0 first."
            : null;
    }

    private void Record(Secret secret, string eventName, string? errorMessage = null) =>
        world.CloudTrail.RecordServiceEvent(Source, EventSource, eventName, new JsonObject { ["SecretId"] = secret.Arn }, errorMessage);
}
