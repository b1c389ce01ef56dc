using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using PcsAutomation.Domain.NodeGroups;
using PcsAutomation.Domain.Workflows;
using PcsAutomation.Functions.Hosting;

namespace PcsAutomation.Functions.Workflows;

/// <summary>
/// The lease table (hash key <c>clusterId</c>): one workflow execution per cluster at a time, whatever the workflow, so
/// a rotation and an AMI roll-out never overlap. Every write is conditional on who owns the item, so two executions
/// never both believe they hold a cluster, and every call is safe to repeat.
/// </summary>
/// <remarks>
/// The item is also the one record of the node groups' real scaling while they are scaled down. DynamoDB's TTL
/// (attribute <c>deleteAfter</c>) may delete an item any time after that second, so the attribute is present only
/// while the item holds no saved scaling still to restore: saving the scaling removes it, a verified restore sets it
/// again. An expired lease or a released one whose restore was never verified stays, and the next workflow to take the
/// lease inherits the saved scaling and restores it.
/// </remarks>
internal sealed partial class ClusterLeaseTable(IAmazonDynamoDB dynamoDb, string tableName, TimeSpan leaseDuration, TimeProvider time)
{
    /// <summary>The table's TTL attribute (template.yaml <c>TimeToLiveSpecification</c>).</summary>
    public const string DeleteAfterAttribute = "deleteAfter";

    /// <summary>How long a finished item is kept after its lease ends, for an operator to look at.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    private const string ClusterIdAttribute = "clusterId";
    private const string OwnerAttribute = "owner";
    private const string WorkflowAttribute = "workflow";
    private const string ExpiresAtAttribute = "expiresAt";
    private const string AcquiredAtAttribute = "acquiredAt";
    private const string SavedScalingAttribute = "savedScaling";
    private const string RestoredAtAttribute = "restoredAt";
    private const string ReleasedAtAttribute = "releasedAt";
    private const string TaskTokenAttribute = "taskToken";
    private const string SavedImagesAttribute = "savedImages";

    // "owner" is a DynamoDB reserved word.
    private static readonly Dictionary<string, string> OwnerName = new(StringComparer.Ordinal) { ["#owner"] = OwnerAttribute };

    public string TableName => tableName;

    public static ClusterLeaseTable Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = WorkflowSettings.FromEnvironment(services.GetVariable);
        return new ClusterLeaseTable(services.Aws.CreateDynamoDb(), settings.LeaseTable, settings.LeaseDuration, services.Time);
    }

    public async Task<ClusterLease?> GetAsync(string clusterId, CancellationToken cancellationToken)
    {
        var response = await Call("GetItem", clusterId, () => dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = Key(clusterId),
            ConsistentRead = true,
        }, cancellationToken), cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? Read(item) : null;
    }

    /// <summary>
    /// Takes the lease for <paramref name="owner"/>: a free cluster, an expired or released lease (inheriting saved
    /// scaling nobody restored), or a lease it already holds (extended, keeping what it saved). Another live holder →
    /// <see cref="LeaseHeld"/> naming it and its workflow.
    /// </summary>
    public async Task<LeaseAcquisition> AcquireAsync(
        string clusterId, string owner, WorkflowKind workflow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var now = time.GetUtcNow();
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((now + leaseDuration).ToUnixTimeSeconds());
        var current = await GetAsync(clusterId, cancellationToken).ConfigureAwait(false);
        try
        {
            if (current is null)
            {
                await Put(NewItem(clusterId, owner, workflow, now, expiresAt, null), $"attribute_not_exists({ClusterIdAttribute})", [], cancellationToken)
                    .ConfigureAwait(false);
                return new LeaseAcquisition(expiresAt, null, null);
            }

            if (current.Owner == owner)
            {
                await ExtendAsync(clusterId, owner, expiresAt, holdsScaling: current.UnrestoredScaling is not null, cancellationToken).ConfigureAwait(false);
                return new LeaseAcquisition(expiresAt, null, null);
            }

            if (!current.IsExpired(now))
                throw Held(clusterId, current);

            // An expired lease with unrestored saved scaling means a workflow died (or gave up) after its scale-down: the
            // groups may still be at 0/0, so the saved values are the only record of the real ones and move to the new owner.
            var inherited = current.UnrestoredScaling;
            var values = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
            {
                [":previous"] = S(current.Owner),
                [":now"] = N(now.ToUnixTimeSeconds()),
            };
            await Put(NewItem(clusterId, owner, workflow, now, expiresAt, inherited),
                $"#owner = :previous AND {ExpiresAtAttribute} < :now", values, cancellationToken).ConfigureAwait(false);
            return new LeaseAcquisition(expiresAt, current.Owner, inherited);
        }
        catch (ConditionalCheckFailedException)
        {
            // Another execution wrote between the read and the write: it holds the lease now.
            var holder = await GetAsync(clusterId, cancellationToken).ConfigureAwait(false);
            throw holder is null
                ? new LeaseHeld($"The lease of cluster {clusterId} changed while being taken; try again.")
                : Held(clusterId, holder);
        }
    }

    /// <summary>
    /// Saves <paramref name="scaling"/> unless the lease already holds a saved scaling (a re-run must keep the
    /// original, never the 0/0 it set itself); returns the scaling in effect. From here until a verified restore the
    /// item has no TTL. Not the owner → <see cref="LeaseLost"/>.
    /// </summary>
    public async Task<IReadOnlyList<NodeGroupScaling>> SaveScalingAsync(
        string clusterId, string owner, IReadOnlyList<NodeGroupScaling> scaling, CancellationToken cancellationToken)
    {
        var lease = await RequireOwnedAsync(clusterId, owner, cancellationToken).ConfigureAwait(false);
        if (lease.UnrestoredScaling is { } saved)
            return saved;
        try
        {
            await Call("UpdateItem", clusterId, () => dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key(clusterId),
                // The TTL goes in the same write: no instant exists where the saved scaling could be deleted.
                UpdateExpression = $"SET {SavedScalingAttribute} = :saved REMOVE {DeleteAfterAttribute}, {RestoredAtAttribute}",
                ConditionExpression = $"#owner = :owner AND (attribute_not_exists({SavedScalingAttribute}) OR attribute_exists({RestoredAtAttribute}))",
                ExpressionAttributeNames = OwnerName,
                ExpressionAttributeValues = new(StringComparer.Ordinal) { [":owner"] = S(owner), [":saved"] = S(Serialize(scaling)) },
            }, cancellationToken), cancellationToken).ConfigureAwait(false);
            return scaling;
        }
        catch (ConditionalCheckFailedException)
        {
            var now = await RequireOwnedAsync(clusterId, owner, cancellationToken).ConfigureAwait(false);
            return now.UnrestoredScaling ?? throw new LeaseLost($"The lease of cluster {clusterId} changed while saving the scaling.");
        }
    }

    /// <summary>
    /// Records that the saved scaling was verified restored; the item may now expire (TTL). False when
    /// <paramref name="owner"/> does not hold the lease or nothing was saved (nothing recorded then).
    /// </summary>
    public async Task<bool> MarkRestoredAsync(string clusterId, string owner, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            await Call("UpdateItem", clusterId, () => dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key(clusterId),
                UpdateExpression = $"SET {RestoredAtAttribute} = :now, {DeleteAfterAttribute} = :deleteAfter",
                ConditionExpression = $"#owner = :owner AND attribute_exists({SavedScalingAttribute})",
                ExpressionAttributeNames = OwnerName,
                ExpressionAttributeValues = new(StringComparer.Ordinal)
                {
                    [":owner"] = S(owner),
                    [":now"] = S(Iso(now)),
                    [":deleteAfter"] = N((now + leaseDuration + Retention).ToUnixTimeSeconds()),
                },
            }, cancellationToken), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>The lease, when <paramref name="owner"/> holds it; otherwise <see cref="LeaseLost"/> naming who does.</summary>
    public async Task<ClusterLease> RequireOwnedAsync(string clusterId, string owner, CancellationToken cancellationToken)
    {
        var lease = await GetAsync(clusterId, cancellationToken).ConfigureAwait(false);
        if (lease is null)
            throw new LeaseLost($"Cluster {clusterId} has no lease: execution {owner} lost it.");
        return lease.Owner == owner
            ? lease
            : throw new LeaseLost($"Cluster {clusterId} is leased by {lease.Owner} ({lease.Workflow}), not by {owner}.");
    }

    /// <summary>
    /// <see cref="RequireOwnedAsync"/>, and once less than half of the lease is left, a full lease again from now. A long
    /// sequence of steps (an AMI roll-out waits up to two hours per group) keeps the cluster this way, with a write
    /// only every half lease; a workflow that stops renewing loses the cluster when the lease ends, as before.
    /// </summary>
    public async Task<ClusterLease> RequireOwnedAndRenewAsync(string clusterId, string owner, CancellationToken cancellationToken)
    {
        var lease = await RequireOwnedAsync(clusterId, owner, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (lease.ExpiresAt - now >= leaseDuration / 2)
            return lease;
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((now + leaseDuration).ToUnixTimeSeconds());
        try
        {
            await ExtendAsync(clusterId, owner, expiresAt, holdsScaling: lease.UnrestoredScaling is not null, cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException)
        {
            throw new LeaseLost($"Cluster {clusterId}: the lease of {owner} was taken over while it was being renewed.");
        }
        return lease with { ExpiresAt = expiresAt };
    }

    /// <summary>
    /// Ends <paramref name="owner"/>'s lease. With nothing left to restore the item is deleted; with saved scaling whose
    /// restore was never verified it stays, free for the next workflow (which inherits the scaling). Already gone =
    /// released (a repeat is a no-op); held by another execution = left alone.
    /// </summary>
    public async Task<LeaseRelease> ReleaseAsync(string clusterId, string owner, CancellationToken cancellationToken)
    {
        var lease = await GetAsync(clusterId, cancellationToken).ConfigureAwait(false);
        if (lease is null)
            return new LeaseRelease(true, false);
        if (lease.Owner != owner)
            return new LeaseRelease(false, false);
        try
        {
            if (lease.UnrestoredScaling is not null)
            {
                var now = time.GetUtcNow();
                await Call("UpdateItem", clusterId, () => dynamoDb.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = tableName,
                    Key = Key(clusterId),
                    UpdateExpression = $"SET {ExpiresAtAttribute} = :expired, {ReleasedAtAttribute} = :now REMOVE {TaskTokenAttribute}",
                    ConditionExpression = "#owner = :owner",
                    ExpressionAttributeNames = OwnerName,
                    ExpressionAttributeValues = new(StringComparer.Ordinal)
                    {
                        [":owner"] = S(owner),
                        [":expired"] = N(now.ToUnixTimeSeconds() - 1),
                        [":now"] = S(Iso(now)),
                    },
                }, cancellationToken), cancellationToken).ConfigureAwait(false);
                return new LeaseRelease(true, true);
            }

            await Call("DeleteItem", clusterId, () => dynamoDb.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = tableName,
                Key = Key(clusterId),
                ConditionExpression = "#owner = :owner",
                ExpressionAttributeNames = OwnerName,
                ExpressionAttributeValues = new(StringComparer.Ordinal) { [":owner"] = S(owner) },
            }, cancellationToken), cancellationToken).ConfigureAwait(false);
            return new LeaseRelease(true, false);
        }
        catch (ConditionalCheckFailedException)
        {
            // Taken over between the read and the write: not ours to release any more.
            return new LeaseRelease(await GetAsync(clusterId, cancellationToken).ConfigureAwait(false) is null, false);
        }
    }

    /// <summary>
    /// Stores the task token a <c>.waitForTaskToken</c> step waits on, so an event router can complete that step; only
    /// while <paramref name="owner"/> holds the lease, else <see cref="LeaseLost"/>. A re-run overwrites it.
    /// </summary>
    public async Task StoreTaskTokenAsync(string clusterId, string owner, string taskToken, CancellationToken cancellationToken)
    {
        try
        {
            await Call("UpdateItem", clusterId, () => dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key(clusterId),
                UpdateExpression = $"SET {TaskTokenAttribute} = :token",
                ConditionExpression = "#owner = :owner",
                ExpressionAttributeNames = OwnerName,
                ExpressionAttributeValues = new(StringComparer.Ordinal) { [":owner"] = S(owner), [":token"] = S(taskToken) },
            }, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException e)
        {
            throw new LeaseLost($"Execution {owner} no longer holds the lease of cluster {clusterId}; the waiting step was not started.", e);
        }
    }

    // The TTL follows the lease only while the item holds no scaling to restore; otherwise it stays absent.
    private Task<UpdateItemResponse> ExtendAsync(string clusterId, string owner, DateTimeOffset expiresAt, bool holdsScaling, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [":owner"] = S(owner), [":expires"] = N(expiresAt.ToUnixTimeSeconds()) };
        if (!holdsScaling)
            values[":deleteAfter"] = N((expiresAt + Retention).ToUnixTimeSeconds());
        return Call("UpdateItem", clusterId, () => dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = tableName,
            Key = Key(clusterId),
            UpdateExpression = holdsScaling
                ? $"SET {ExpiresAtAttribute} = :expires"
                : $"SET {ExpiresAtAttribute} = :expires, {DeleteAfterAttribute} = :deleteAfter",
            ConditionExpression = holdsScaling ? "#owner = :owner" : $"#owner = :owner AND (attribute_not_exists({SavedScalingAttribute}) OR attribute_exists({RestoredAtAttribute}))",
            ExpressionAttributeNames = OwnerName,
            ExpressionAttributeValues = values,
        }, cancellationToken), cancellationToken);
    }

    private Task<PutItemResponse> Put(Dictionary<string, AttributeValue> item, string condition, Dictionary<string, AttributeValue> values, CancellationToken cancellationToken) =>
        Call("PutItem", item[ClusterIdAttribute].S, () => dynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = tableName,
            Item = item,
            ConditionExpression = condition,
            ExpressionAttributeNames = condition.Contains("#owner", StringComparison.Ordinal) ? OwnerName : null,
            ExpressionAttributeValues = values.Count > 0 ? values : null,
        }, cancellationToken), cancellationToken);

    private static Dictionary<string, AttributeValue> NewItem(
        string clusterId, string owner, WorkflowKind workflow, DateTimeOffset now, DateTimeOffset expiresAt, IReadOnlyList<NodeGroupScaling>? inheritedScaling)
    {
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [ClusterIdAttribute] = S(clusterId),
            [OwnerAttribute] = S(owner),
            [WorkflowAttribute] = S(workflow.Name),
            [ExpiresAtAttribute] = N(expiresAt.ToUnixTimeSeconds()),
            [AcquiredAtAttribute] = S(Iso(now)),
        };
        if (inheritedScaling is not null)
            item[SavedScalingAttribute] = S(Serialize(inheritedScaling));
        else
            item[DeleteAfterAttribute] = N((expiresAt + Retention).ToUnixTimeSeconds());
        return item;
    }

    private static ClusterLease Read(Dictionary<string, AttributeValue> item)
    {
        var expires = long.Parse(item[ExpiresAtAttribute].N, NumberStyles.Integer, CultureInfo.InvariantCulture);
        var saved = Text(item, SavedScalingAttribute) is { } json
            ? JsonSerializer.Deserialize(json, WorkflowJsonContext.Strict.IReadOnlyListNodeGroupScaling)
            : null;
        DateTimeOffset? restoredAt = Text(item, RestoredAtAttribute) is { } restored
            ? DateTimeOffset.Parse(restored, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : null;
        var images = Text(item, SavedImagesAttribute) is { } imagesJson
            ? JsonSerializer.Deserialize(imagesJson, WorkflowJsonContext.Strict.IReadOnlyListNodeGroupChange)
            : null;
        return new ClusterLease(item[ClusterIdAttribute].S, item[OwnerAttribute].S, Text(item, WorkflowAttribute) ?? "(unknown)",
            DateTimeOffset.FromUnixTimeSeconds(expires), saved, restoredAt, Text(item, TaskTokenAttribute), images);
    }

    private static string? Text(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.S is { Length: > 0 } text ? text : null;

    private static LeaseHeld Held(string clusterId, ClusterLease holder) =>
        new($"Cluster {clusterId} is leased by {holder.Owner} ({holder.Workflow}) until {holder.ExpiresAt:O}.");

    private static string Serialize(IReadOnlyList<NodeGroupScaling> scaling) =>
        JsonSerializer.Serialize(scaling, WorkflowJsonContext.Strict.IReadOnlyListNodeGroupScaling);

    private static string Iso(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private Task<T> Call<T>(string operation, string clusterId, Func<Task<T>> call, CancellationToken cancellationToken) =>
        AwsCalls.RunAsync($"DynamoDB.{operation}", $"{tableName}/{clusterId}", call, cancellationToken);

    private static Dictionary<string, AttributeValue> Key(string clusterId) => new(StringComparer.Ordinal) { [ClusterIdAttribute] = S(clusterId) };

    private static AttributeValue S(string value) => new() { S = value };

    private static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
