using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using PcsAutomation.Domain.NodeGroupUpdate;

namespace PcsAutomation.Functions.Workflows;

/// <summary>
/// The lease's record of what an AMI roll-out changed (attribute <c>savedImages</c>): per node group, the image
/// settings it had before, written before the change is made, so a rollback (or an operator) finds them there and only
/// there. Unlike saved scaling, these do not keep the item past its TTL: a half-done roll-out leaves every group on a
/// working image, so nothing must be inherited; the failure notification carries the rollback commands instead.
/// </summary>
internal sealed partial class ClusterLeaseTable
{
    // Steps of one batch save concurrently (the roll-out's Map): each retry re-reads and writes the whole list again.
    private const int MaxSaveAttempts = 8;

    /// <summary>
    /// Records <paramref name="change"/> unless the lease already holds one for that group (a re-run must keep the
    /// settings from before the first run, never record what that run set); returns the change in effect for the group.
    /// Not the owner → <see cref="LeaseLost"/>.
    /// </summary>
    public async Task<NodeGroupChange> SaveChangeAsync(string clusterId, string owner, NodeGroupChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 0; attempt < MaxSaveAttempts; attempt++)
        {
            var lease = await RequireOwnedAsync(clusterId, owner, cancellationToken).ConfigureAwait(false);
            var saved = lease.SavedChanges ?? [];
            if (saved.FirstOrDefault(c => c.NodeGroupId == change.NodeGroupId) is { } earlier)
                return earlier;
            var values = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
            {
                [":owner"] = S(owner),
                [":new"] = S(SerializeChanges([.. saved, change])),
            };
            // The list is only ever written here, from what was read: the condition fails if another step wrote meanwhile.
            var condition = $"#owner = :owner AND attribute_not_exists({SavedImagesAttribute})";
            if (saved.Count > 0)
            {
                values[":old"] = S(SerializeChanges(saved));
                condition = $"#owner = :owner AND {SavedImagesAttribute} = :old";
            }
            try
            {
                await Call("UpdateItem", clusterId, () => dynamoDb.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = tableName,
                    Key = Key(clusterId),
                    UpdateExpression = $"SET {SavedImagesAttribute} = :new",
                    ConditionExpression = condition,
                    ExpressionAttributeNames = OwnerName,
                    ExpressionAttributeValues = values,
                }, cancellationToken), cancellationToken).ConfigureAwait(false);
                return change;
            }
            catch (ConditionalCheckFailedException)
            {
                // Another group's step wrote first (or the lease moved: the next read says which).
            }
        }
        throw new TransientAwsError($"The lease of cluster {clusterId} changed {MaxSaveAttempts} times while saving node group {change.NodeGroupId}'s settings; try again.");
    }

    private static string SerializeChanges(IReadOnlyList<NodeGroupChange> changes) =>
        JsonSerializer.Serialize(changes, WorkflowJsonContext.Strict.IReadOnlyListNodeGroupChange);
}
