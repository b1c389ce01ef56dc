using System.Text.Json;
using PcsAutomation.Domain.Rotation;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Events;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.Rotation;

/// <summary>What the router did with one event: <c>success</c>, <c>failure</c> (the waiting step was completed) or <c>ignored</c>, and why.</summary>
internal sealed record RotationEventRouterOutput(string Action, string Reason);

/// <summary>
/// <c>RotationEventRouter</c>: the target of the EventBridge rule on Secrets Manager's RotationSucceeded and
/// RotationFailed ("AWS Service Event via CloudTrail", secret ARN in <c>detail.additionalEventData.SecretId</c>). It
/// wakes the <c>RotateClusterSecret</c> step waiting on the cluster's lease: success, or failure with the event's
/// <c>errorMessage</c> as cause. Events are best effort and may come twice, so anything it cannot act on is ignored.
/// </summary>
[LambdaFunction(Policies = "ClusterLease, AnswerRotationTasks")]
internal sealed class RotationEventRouterHandler(ClusterLeaseTable lease, TaskTokenCallbacks callbacks)
{
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Ignored = "ignored";

    /// <summary>The error name the state machine catches when Secrets Manager reports the rotation failed.</summary>
    public const string RotationFailedError = "Automation.RotationFailed";

    /// <summary>The rotation step's output on success (the event that completed it).</summary>
    public const string RotationSucceededOutput = """{"event":"RotationSucceeded"}""";

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var handler = new RotationEventRouterHandler(
            ClusterLeaseTable.Create(services),
            new TaskTokenCallbacks(services.Aws.CreateStepFunctions()));
        return HandlerWrapper.Create(handler.HandleAsync,
            LambdaEventsJsonContext.Strict.CloudWatchEventCloudTrailDetail, RotationJsonContext.Strict.RotationEventRouterOutput);
    }

    public async Task<RotationEventRouterOutput> HandleAsync(CloudWatchEvent<CloudTrailDetail> input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var rotation = RotationEvent.From(input);
        if (rotation.Problem is { } problem) return Ignore(context, problem);
        var (eventName, secretArn, clusterId) = (rotation.EventName!, rotation.SecretId!, rotation.ClusterId!);
        using var scope = context.Logger.BeginScope("clusterId", clusterId);

        var held = await lease.GetAsync(clusterId, context.CancellationToken).ConfigureAwait(false);
        if (held is null) return Ignore(context, $"{eventName} for {secretArn}: cluster {clusterId} has no lease, so no rotation of ours is waiting");
        if (held.TaskToken is not { } taskToken)
            return Ignore(context, $"{eventName} for {secretArn}: the lease of cluster {clusterId} (held by {held.Owner}) has no task token waiting");
        if (held.Workflow != WorkflowKind.ClusterSecretRotation.Name)
            return Ignore(context, $"{eventName} for {secretArn}: the lease of cluster {clusterId} is held by {held.Owner} for {held.Workflow}, not a rotation");

        if (eventName == RotationEvent.Succeeded)
        {
            return await callbacks.SucceedAsync(taskToken, clusterId, RotationSucceededOutput, context.Logger, context.CancellationToken).ConfigureAwait(false)
                ? Done(context, Success, $"RotationSucceeded for {secretArn}: the rotation step of {held.Owner} continues")
                : Ignore(context, $"RotationSucceeded for {secretArn}: the rotation step of {held.Owner} was no longer waiting (duplicate or timed out)");
        }

        var cause = rotation.ErrorMessage is { Length: > 0 } message
            ? $"RotationFailed for {secretArn}: {message}"
            : $"RotationFailed for {secretArn} (the event carries no error message)";
        return await callbacks.FailAsync(taskToken, clusterId, RotationFailedError, cause, context.Logger, context.CancellationToken).ConfigureAwait(false)
            ? Done(context, Failure, $"{cause}; the rotation step of {held.Owner} fails")
            : Ignore(context, $"RotationFailed for {secretArn}: the rotation step of {held.Owner} was no longer waiting (duplicate or timed out)");
    }

    private static RotationEventRouterOutput Done(ILambdaContext context, string action, string reason)
    {
        context.Logger.LogInformation(reason);
        return new RotationEventRouterOutput(action, reason);
    }

    private static RotationEventRouterOutput Ignore(ILambdaContext context, string reason)
    {
        context.Logger.LogInformation($"Event ignored: {reason}");
        return new RotationEventRouterOutput(Ignored, reason);
    }
}

/// <summary>The parts of a Secrets Manager rotation event the router uses, or the reason it is not one of ours.</summary>
internal sealed record RotationEvent(string? EventName, string? SecretId, string? ClusterId, string? ErrorMessage, string? Problem)
{
    public const string Succeeded = "RotationSucceeded";
    public const string Failed = "RotationFailed";

    // Secrets Manager's member of additionalEventData that names the rotated secret (its ARN).
    private const string SecretIdMember = "SecretId";

    public static RotationEvent From(CloudWatchEvent<CloudTrailDetail> envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var detail = envelope.Detail;
        var name = detail?.EventName;
        if (envelope.Source != "aws.secretsmanager" || name is not (Succeeded or Failed))
            return Unusable(name, $"not a Secrets Manager rotation result (source {envelope.Source ?? "(none)"}, event {name ?? "(none)"})");
        var secretId = detail!.AdditionalEventData is { ValueKind: JsonValueKind.Object } data &&
                       data.TryGetProperty(SecretIdMember, out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
        if (string.IsNullOrEmpty(secretId)) return Unusable(name, $"{name} without detail.additionalEventData.SecretId");
        return SecretOwnership.ClusterIdFromSecret(secretId) is { } clusterId
            ? new RotationEvent(name, secretId, clusterId, detail.ErrorMessage, null)
            : Unusable(name, $"{name} for {secretId}, which is not a PCS cluster secret ({SecretOwnership.NamePrefix}<cluster id>)");
    }

    private static RotationEvent Unusable(string? name, string problem) => new(name, null, null, null, problem);
}
