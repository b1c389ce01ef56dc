using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using PcsAutomation.Domain.CapacityBlocks;

namespace PcsAutomation.Functions.Workflows;

/// <summary>
/// The Capacity Block expiry's records of the node groups it parked (<see cref="ParkedNodeGroup"/>: the group's exact
/// scaling before, its queues, the block and the successor it waits for), one item per group and block in the lease
/// table, key <c>parked#&lt;node group id&gt;#&lt;reservation id&gt;</c> (attribute <c>kind</c> = <c>parked-node-group</c>).
/// They outlive the lease on purpose: the group stays at 0/0 after the expiry ends, and only a restore (the workflow's
/// restore mode, on the block's extension or its successor's delivery) may put it back, from these values. So the item
/// has no TTL (<c>deleteAfter</c>) and is deleted only once its restore is done. The first save wins, as for the
/// lease's saved scaling: a re-run never records the 0/0 it set itself.
/// </summary>
internal sealed partial class ClusterLeaseTable
{
    /// <summary>The item kind of a parked record (attribute <c>kind</c>); lease items have none.</summary>
    public const string ParkedKind = "parked-node-group";

    private const string KindAttribute = "kind";
    private const string ParkedAttribute = "parked";
    private const string ParkedClusterAttribute = "cluster";
    private const string ParkedReservationAttribute = "reservationId";
    private const string ParkedByAttribute = "parkedBy";

    /// <summary>The item key of <paramref name="record"/>: one record per group and block.</summary>
    public static string ParkedKey(ParkedNodeGroup record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return $"parked#{record.NodeGroupId}#{record.ReservationId}";
    }

    /// <summary>
    /// Stores <paramref name="record"/> unless a record of that group and block exists (then that one is returned: it
    /// holds the scaling from before the first park). <paramref name="owner"/> (the execution) is recorded for operators.
    /// </summary>
    public async Task<ParkedNodeGroup> SaveParkedAsync(ParkedNodeGroup record, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var key = ParkedKey(record);
        try
        {
            await Call("PutItem", key, () => dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = tableName,
                Item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                {
                    [ClusterIdAttribute] = S(key),
                    [KindAttribute] = S(ParkedKind),
                    [ParkedClusterAttribute] = S(record.ClusterId),
                    [ParkedReservationAttribute] = S(record.ReservationId),
                    [ParkedByAttribute] = S(owner),
                    [ParkedAttribute] = S(JsonSerializer.Serialize(record, WorkflowJsonContext.Strict.ParkedNodeGroup)),
                },
                ConditionExpression = $"attribute_not_exists({ClusterIdAttribute})",
            }, cancellationToken), cancellationToken).ConfigureAwait(false);
            return record;
        }
        catch (ConditionalCheckFailedException)
        {
            return await GetParkedAsync(key, cancellationToken).ConfigureAwait(false)
                ?? throw new TransientAwsError($"The parked record {key} was deleted while being saved; try again.");
        }
    }

    /// <summary>Every parked record (all clusters and blocks), oldest first: a scan of the table, which holds one lease per cluster and these records only.</summary>
    public async Task<IReadOnlyList<ParkedNodeGroup>> ListParkedAsync(CancellationToken cancellationToken)
    {
        var records = new List<ParkedNodeGroup>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await Call("Scan", "parked records", () => dynamoDb.ScanAsync(new ScanRequest
            {
                TableName = tableName,
                ConsistentRead = true,
                FilterExpression = "#kind = :parked",
                ExpressionAttributeNames = new(StringComparer.Ordinal) { ["#kind"] = KindAttribute },
                ExpressionAttributeValues = new(StringComparer.Ordinal) { [":parked"] = S(ParkedKind) },
                ExclusiveStartKey = start,
            }, cancellationToken), cancellationToken).ConfigureAwait(false);
            records.AddRange((page.Items ?? []).Select(ReadParked).OfType<ParkedNodeGroup>());
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
        return [.. records.OrderBy(r => r.ParkedAt).ThenBy(r => r.NodeGroupId, StringComparer.Ordinal)];
    }

    /// <summary>Deletes <paramref name="record"/>'s item (its group is restored, or gone); already gone is fine.</summary>
    public Task ForgetParkedAsync(ParkedNodeGroup record, CancellationToken cancellationToken)
    {
        var key = ParkedKey(record);
        return Call("DeleteItem", key, () => dynamoDb.DeleteItemAsync(new DeleteItemRequest { TableName = tableName, Key = Key(key) }, cancellationToken), cancellationToken);
    }

    private async Task<ParkedNodeGroup?> GetParkedAsync(string key, CancellationToken cancellationToken)
    {
        var response = await Call("GetItem", key, () => dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = Key(key),
            ConsistentRead = true,
        }, cancellationToken), cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? ReadParked(item) : null;
    }

    private static ParkedNodeGroup? ReadParked(Dictionary<string, AttributeValue> item) =>
        Text(item, ParkedAttribute) is { } json ? JsonSerializer.Deserialize(json, WorkflowJsonContext.Strict.ParkedNodeGroup) : null;

    /// <summary>For messages: "gpu-a (pcs_x) parked for cr-... at 2026-01-05 09:30Z".</summary>
    public static string Describe(ParkedNodeGroup record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return string.Create(CultureInfo.InvariantCulture,
            $"{record.NodeGroupName} ({record.NodeGroupId}) parked for {record.ReservationId} at {record.ParkedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z, saved min {record.SavedScaling.MinInstanceCount} max {record.SavedScaling.MaxInstanceCount}");
    }
}
