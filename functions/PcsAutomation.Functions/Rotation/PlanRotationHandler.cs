using PcsAutomation.Aws.PCS.Model;
using PcsAutomation.Aws.SecretsManager;
using PcsAutomation.Aws.SecretsManager.Model;
using PcsAutomation.Domain.Configuration;
using PcsAutomation.Domain.Rotation;
using PcsAutomation.Functions.CapacityBlocks;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.Rotation;

/// <summary>
/// <c>PlanRotation</c>: read-only. Checks that the cluster may be rotated now (managed, status, its own secret, no
/// unfinished rotation, no Capacity Block expiry acting soon: <see cref="RotationDeferral"/>) and describes what a rotation would do: the exact scaling of every node group, the instances
/// it stops, the login nodes to refresh. The workflow runs it twice: before the lease (and alone for a dry run), and
/// again under the lease, so nothing it checked can have changed before the first mutating step.
/// </summary>
[LambdaFunction(
    Policies = "@CapacityFactsReadPolicy, PcsRead, PcsResolveClusterName, DescribeClusterSecrets, Ec2DescribeInstances")]
public sealed class PlanRotationHandler
{

    private readonly ClusterReader reader;
    private readonly IAmazonSecretsManager secrets;
    private readonly AutomationDefaults defaults;
    private readonly RotationDeferral deferral;

    internal PlanRotationHandler(ClusterReader reader, IAmazonSecretsManager secrets, AutomationDefaults defaults, RotationDeferral deferral) =>
        (this.reader, this.secrets, this.defaults, this.deferral) = (reader, secrets, defaults, deferral);

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var handler = new PlanRotationHandler(
            ClusterReader.Create(services), services.Aws.CreateSecretsManager(), AutomationDefaults.FromEnvironment(services.GetVariable), RotationDeferral.Create(services));
        return HandlerWrapper.Create(handler.HandleAsync, RotationJsonContext.Strict.PlanRotationInput, RotationJsonContext.Strict.RotationPlan);
    }

    public async Task<RotationPlan> HandleAsync(PlanRotationInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var identifier = WorkflowInput.ClusterId(input.ClusterId);
        var cancellation = context.CancellationToken;

        var cluster = await reader.RequireClusterAsync(identifier, cancellation).ConfigureAwait(false);
        var config = ClusterTagConfiguration.Parse(await reader.GetTagsAsync(cluster, cancellation).ConfigureAwait(false), defaults);
        if (!config.IsManaged)
            throw new ClusterNotManaged($"Cluster {cluster.Id} ({cluster.Name}) is not tagged {defaults.ManagedTagKey}=true: rotation is not automated for it.");
        if (ClusterStatusPolicy.RotationRefusal(cluster.Status.Value) is { } refusal)
            throw new ClusterStateForbidsRotation($"Cluster {cluster.Id}: {refusal}");

        var (secretArn, currentVersionId, rotationSchedule) = await CheckSecretAsync(cluster, cancellation).ConfigureAwait(false);
        var groups = await reader.GetNodeGroupsAsync(cluster.Id, cancellation).ConfigureAwait(false);
        var instancesUp = await reader.GetInstancesUpAsync(cluster.Id, cancellation).ConfigureAwait(false);
        var loginInstances = await reader.GetLoginInstancesAsync(config.ByoLoginTagKey, cluster, cancellation).ConfigureAwait(false);
        var plan = RotationPlan.Create(
            cluster.Id, cluster.Name, cluster.Status.Value, secretArn, currentVersionId,
            groups.Select(g => g.Scaling), instancesUp.Select(i => i.InstanceId), loginInstances, config.MaintenanceWindow, input.DryRun ?? false,
            rotationSchedule, config.StrictVerification);
        // An expiry cannot wait for the cluster's lease, a rotation can (LeasePriority): a real run refuses before anything is
        // taken or changed; a dry run shows it.
        if (await deferral.ReasonAsync(cluster.Id, cancellation).ConfigureAwait(false) is { } wait)
        {
            if (!plan.DryRun)
                throw new RotationDeferred($"Cluster {cluster.Id}: {wait}");
            plan = plan with { Warnings = [.. plan.Warnings, $"A real run would not start now: {wait}"] };
        }
        foreach (var warning in plan.Warnings)
            context.Logger.LogWarning($"Cluster {plan.ClusterId}: {warning}");

        context.Logger.LogInformation(
            $"Plan for cluster {plan.ClusterId} ({plan.ClusterName}, {plan.ClusterStatus}): {plan.NodeGroups.Count} node groups " +
            $"[{string.Join(", ", plan.NodeGroups.Select(g => $"{g.NodeGroupId} {g.MinInstanceCount}/{g.MaxInstanceCount}"))}], " +
            $"{plan.InstancesUp.Count} instances up, {plan.LoginInstances.Count} login instances, secret version {plan.CurrentVersionId}, " +
            $"window {plan.MaintenanceWindow}, expected downtime {plan.ExpectedDowntimeSeconds} s, dryRun {plan.DryRun}");
        return plan;
    }

    /// <summary>The cluster's auth key secret, checked to be its own and not mid-rotation; returns its ARN, AWSCURRENT version and whether Secrets Manager also rotates it on a schedule.</summary>
    private async Task<(string Arn, string CurrentVersionId, bool RotationSchedule)> CheckSecretAsync(Cluster cluster, CancellationToken cancellation)
    {
        var secretArn = cluster.SlurmConfiguration?.AuthKey?.SecretArn
            ?? throw new SecretNotClusters($"Cluster {cluster.Id} reports no Slurm auth key secret (slurmConfiguration.authKey).");
        DescribeSecretResponse secret;
        try
        {
            secret = await AwsCalls.RunAsync("SecretsManager.DescribeSecret", cluster.Id,
                () => secrets.DescribeSecretAsync(new DescribeSecretRequest { SecretId = secretArn }, cancellation), cancellation).ConfigureAwait(false);
        }
        catch (Aws.SecretsManager.Model.ResourceNotFoundException e)
        {
            throw new SecretNotClusters($"Cluster {cluster.Id} names the auth key secret {secretArn}, which does not exist.", e);
        }

        var tags = (secret.Tags ?? [])
            .Where(t => t.Key is not null)
            .GroupBy(t => t.Key!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value ?? "", StringComparer.Ordinal);
        if (SecretOwnership.Problem(cluster.Id, secret.ARN ?? secretArn, tags) is { } problem)
            throw new SecretNotClusters($"Cluster {cluster.Id}: {problem}");

        if (SecretStages.UnfinishedVersion(secret.VersionIdsToStages) is { } pendingVersion)
            throw new RotationUnfinished(
                $"The auth key secret of cluster {cluster.Id} has version {pendingVersion} labelled {SecretStages.Pending}: a previous rotation did not finish. " +
                "An operator must finish or cancel it before another rotation.");
        var current = SecretStages.CurrentVersion(secret.VersionIdsToStages)
            ?? throw new SecretNotClusters($"The auth key secret of cluster {cluster.Id} has no {SecretStages.Current} version.");
        return (secret.ARN ?? secretArn, current, secret.RotationEnabled == true);
    }
}
