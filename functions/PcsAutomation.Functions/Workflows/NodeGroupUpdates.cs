using PcsAutomation.Aws.PCS;
using PcsAutomation.Aws.PCS.Model;

namespace PcsAutomation.Functions.Workflows;

/// <summary>An UpdateComputeNodeGroup that puts a group back (a scaling restore, an image rollback) and must never give up.</summary>
internal static class NodeGroupUpdates
{
    /// <summary>
    /// False when PCS refuses because the group or the cluster is busy (ConflictException: one change at a time, guide
    /// L1984-1989): the caller's next pass retries. Transient failures become <see cref="TransientAwsError"/>.
    /// </summary>
    public static async Task<bool> TryAsync(IAmazonPCS pcs, UpdateComputeNodeGroupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pcs);
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            await AwsCalls.RunAsync("PCS.UpdateComputeNodeGroup", $"{request.ClusterIdentifier}/{request.ComputeNodeGroupIdentifier}",
                () => pcs.UpdateComputeNodeGroupAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConflictException)
        {
            return false;
        }
    }
}
