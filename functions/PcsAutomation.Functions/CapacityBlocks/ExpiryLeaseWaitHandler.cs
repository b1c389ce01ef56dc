using System.Globalization;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.CapacityBlocks;

/// <summary>
/// <c>ExpiryLeaseWait</c>: another workflow holds the cluster's lease (AcquireClusterLease answered LeaseHeld). An
/// expiry asks again every <see cref="CapacityBlockExpiryOptions.LeaseRetryInterval"/> until its latest start, then
/// fails loudly (<see cref="ExpiryLeaseNotFree"/>, naming the holder): <see cref="LeasePriority.ExpiryWait"/>; a running
/// workflow is never pre-empted. A restore is not bound to a block's end: it asks again for
/// <see cref="RestoreAttempts"/> intervals (an hour at the default 2 minutes), then gives up the same way. Read-only.
/// </summary>
[LambdaFunction(Policies = "ClusterLease")]
public sealed class ExpiryLeaseWaitHandler
{
    /// <summary>How many times a restore asks for a held lease before it needs an operator.</summary>
    public const int RestoreAttempts = 30;

    private readonly ClusterLeaseTable leases;
    private readonly CapacityBlockExpiryOptions options;
    private readonly TimeProvider time;

    internal ExpiryLeaseWaitHandler(ClusterLeaseTable leases, CapacityBlockExpiryOptions options, TimeProvider time) =>
        (this.leases, this.options, this.time) = (leases, options, time);

    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var handler = new ExpiryLeaseWaitHandler(ClusterLeaseTable.Create(services), CapacityBlockSettings.FromEnvironment(services.GetVariable), services.Time);
        return HandlerWrapper.Create(handler.HandleAsync, CapacityBlockJsonContext.Strict.ExpiryLeaseWaitInput, CapacityBlockJsonContext.Strict.ExpiryLeaseWaitResult);
    }

    public async Task<ExpiryLeaseWaitResult> HandleAsync(ExpiryLeaseWaitInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var clusterId = WorkflowInput.ClusterId(input.ClusterId);
        var attempt = WorkflowInput.Attempt(input.Attempt);
        var restore = input.Mode == CapacityBlockNotifications.RestoreMode;
        var timing = restore ? null : input.Timing ?? throw new InvalidWorkflowInput("timing is required in expire mode: the plan's timing (its latest start bounds the wait).");
        var now = time.GetUtcNow();

        var lease = await leases.GetAsync(clusterId, context.CancellationToken).ConfigureAwait(false);
        if (lease is null || lease.IsExpired(now))
        {
            // Freed since the refusal: ask again at once.
            context.Logger.LogInformation($"Lease of cluster {clusterId} is free again: asking for it now");
            return new ExpiryLeaseWaitResult(1, $"the lease of cluster {clusterId} is free again", attempt + 1);
        }

        if (restore)
        {
            if (attempt >= RestoreAttempts)
                throw new ExpiryLeaseNotFree(
                    $"Cluster {clusterId}: the lease is still held by {lease.Workflow} execution {lease.Owner} after {attempt} tries; the parked node groups were not restored. " +
                    "Run the restore again once it is free (docs/runbooks/capacity-block-expiry.md).");
            var seconds = (int)options.LeaseRetryInterval.TotalSeconds;
            return Waiting(context, clusterId, seconds, $"lease held by {lease.Workflow} execution {lease.Owner}; asking again in {seconds} s (try {attempt + 1} of {RestoreAttempts})", attempt);
        }

        var decision = LeasePriority.ExpiryWait(now, timing!, lease.Owner, lease.Workflow, options);
        if (!decision.Retry)
            throw new ExpiryLeaseNotFree($"Cluster {clusterId}: {decision.Reason}");
        return Waiting(context, clusterId, Math.Max(1, (int)Math.Ceiling(decision.WaitFor.TotalSeconds)), decision.Reason, attempt);
    }

    private static ExpiryLeaseWaitResult Waiting(ILambdaContext context, string clusterId, int seconds, string reason, int attempt)
    {
        context.Logger.LogWarning(string.Create(CultureInfo.InvariantCulture, $"Cluster {clusterId}: {reason}"));
        return new ExpiryLeaseWaitResult(seconds, reason, attempt + 1);
    }
}
