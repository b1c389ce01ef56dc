using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using PcsAutomation.Domain.Rotation;

namespace PcsAutomation.Functions.Rotation;

/// <summary>A cluster's lease item as read from the table.</summary>
/// <param name="Owner">The execution ARN holding the lease.</param>
/// <param name="ExpiresAt">After this second another execution may take the lease over.</param>
/// <param name="SavedScaling">The node groups' scaling before the scale-down, once saved.</param>
/// <param name="TaskToken">The token the RotateClusterSecret step waits on, while it waits (the event router reads it).</param>
/// <param name="SecretArn">The cluster secret the lease was taken for.</param>
internal sealed record ClusterLease(
    string ClusterId, string Owner, DateTimeOffset ExpiresAt, IReadOnlyList<NodeGroupScaling>? SavedScaling, string? TaskToken = null, string? SecretArn = null)
{
    public bool IsExpired(DateTimeOffset now) => ExpiresAt.ToUnixTimeSeconds() < now.ToUnixTimeSeconds();
}

/// <summary>How <see cref="ClusterLeaseTable.AcquireAsync"/> got the lease.</summary>
/// <param name="TakenOverFrom">The execution whose expired lease was taken over, if any.</param>
internal sealed record LeaseAcquisition(DateTimeOffset ExpiresAt, string? TakenOverFrom, IReadOnlyList<NodeGroupScaling>? InheritedScaling);

/// <summary>
/// The lease table (hash key <c>clusterId</c>): one rotation per cluster at a time. Every write is conditional on who
/// owns the item, so two executions never both believe they hold a cluster, and every call is safe to repeat.
/// </summary>
internal sealed class ClusterLeaseTable(IAmazonDynamoDB dynamoDb, string tableName, TimeSpan leaseDuration, TimeProvider time)
{
    public const string Workflow = "cluster-secret-rotation";
    private const string ClusterIdAttribute = "clusterId";
    private const string OwnerAttribute = "owner";
    private const string WorkflowAttribute = "workflow";
    private const string ExpiresAtAttribute = "expiresAt";
    private const string AcquiredAtAttribute = "acquiredAt";
    private const string SavedScalingAttribute = "savedScaling";
    private const string SecretArnAttribute = "secretArn";
    private const string TaskTokenAttribute = "taskToken";

    // "owner" is a DynamoDB reserved word.
    private static readonly Dictionary<string, string> OwnerName = new(StringComparer.Ordinal) { ["#owner"] = OwnerAttribute };

    public string TableName => tableName;

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
    /// Takes the lease for <paramref name="owner"/>: a free cluster, an expired lease, or a lease it already holds
    /// (extended, keeping what it saved). Another live holder → <see cref="LeaseHeld"/> naming it.
    /// </summary>
    public async Task<LeaseAcquisition> AcquireAsync(string clusterId, string owner, string? secretArn, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((now + leaseDuration).ToUnixTimeSeconds());
        var current = await GetAsync(clusterId, cancellationToken).ConfigureAwait(false);
        try
        {
            if (current is null)
            {
                await Put(NewItem(clusterId, owner, now, expiresAt, secretArn, null), $"attribute_not_exists({ClusterIdAttribute})", [], cancellationToken).ConfigureAwait(false);
                return new LeaseAcquisition(expiresAt, null, null);
            }

            if (current.Owner == owner)
            {
                await ExtendAsync(clusterId, owner, expiresAt, cancellationToken).ConfigureAwait(false);
                return new LeaseAcquisition(expiresAt, null, null);
            }

            if (!current.IsExpired(now))
                throw Held(clusterId, current);

            // An expired lease with saved scaling means a rotation died after its scale-down: the groups may still be
            // at 0/0, so the saved values are the only record of the real ones and move to the new owner.
            var values = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
            {
                [":previous"] = S(current.Owner),
                [":now"] = N(now.ToUnixTimeSeconds()),
            };
            await Put(NewItem(clusterId, owner, now, expiresAt, secretArn, current.SavedScaling),
                $"#owner = :previous AND {ExpiresAtAttribute} < :now", values, cancellationToken).ConfigureAwait(false);
            return new LeaseAcquisition(expiresAt, current.Owner, current.SavedScaling);
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
    /// original, never the 0/0 it set itself); returns the scaling in effect. Not the owner → <see cref="LeaseLost"/>.
    /// </summary>
    public async Task<IReadOnlyList<NodeGroupScaling>> SaveScalingAsync(
        string clusterId, string owner, IReadOnlyList<NodeGroupScaling> scaling, CancellationToken cancellationToken)
    {
        var lease = await RequireOwnedAsync(clusterId, owner, cancellationToken).ConfigureAwait(false);
        if (lease.SavedScaling is { } saved)
            return saved;
        try
        {
            await Call("UpdateItem", clusterId, () => dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key(clusterId),
                UpdateExpression = $"SET {SavedScalingAttribute} = :saved",
                ConditionExpression = $"#owner = :owner AND attribute_not_exists({SavedScalingAttribute})",
                ExpressionAttributeNames = OwnerName,
                ExpressionAttributeValues = new(StringComparer.Ordinal) { [":owner"] = S(owner), [":saved"] = S(Serialize(scaling)) },
            }, cancellationToken), cancellationToken).ConfigureAwait(false);
            return scaling;
        }
        catch (ConditionalCheckFailedException)
        {
            var now = await RequireOwnedAsync(clusterId, owner, cancellationToken).ConfigureAwait(false);
            return now.SavedScaling ?? throw new LeaseLost($"The lease of cluster {clusterId} changed while saving the scaling.");
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
            : throw new LeaseLost($"Cluster {clusterId} is leased by {lease.Owner}, not by {owner}.");
    }

    /// <summary>
    /// Deletes the lease if <paramref name="owner"/> holds it. Already gone = released (a repeat is a no-op); held by
    /// another execution = left alone, false.
    /// </summary>
    public async Task<bool> ReleaseAsync(string clusterId, string owner, CancellationToken cancellationToken)
    {
        try
        {
            await Call("DeleteItem", clusterId, () => dynamoDb.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = tableName,
                Key = Key(clusterId),
                ConditionExpression = "#owner = :owner",
                ExpressionAttributeNames = OwnerName,
                ExpressionAttributeValues = new(StringComparer.Ordinal) { [":owner"] = S(owner) },
            }, cancellationToken), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return await GetAsync(clusterId, cancellationToken).ConfigureAwait(false) is null;
        }
    }

    /// <summary>
    /// (handlers-secret) Stores the task token RotateClusterSecret waits on, so the event router can complete that
    /// step; only while <paramref name="owner"/> holds the lease, else <see cref="LeaseLost"/>. A re-run overwrites it.
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
            throw new LeaseLost($"Execution {owner} no longer holds the lease of cluster {clusterId}; the rotation was not started.", e);
        }
    }

    private Task<UpdateItemResponse> ExtendAsync(string clusterId, string owner, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        Call("UpdateItem", clusterId, () => dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = tableName,
            Key = Key(clusterId),
            UpdateExpression = $"SET {ExpiresAtAttribute} = :expires",
            ConditionExpression = "#owner = :owner",
            ExpressionAttributeNames = OwnerName,
            ExpressionAttributeValues = new(StringComparer.Ordinal) { [":owner"] = S(owner), [":expires"] = N(expiresAt.ToUnixTimeSeconds()) },
        }, cancellationToken), cancellationToken);

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
        string clusterId, string owner, DateTimeOffset now, DateTimeOffset expiresAt, string? secretArn, IReadOnlyList<NodeGroupScaling>? savedScaling)
    {
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [ClusterIdAttribute] = S(clusterId),
            [OwnerAttribute] = S(owner),
            [WorkflowAttribute] = S(Workflow),
            [ExpiresAtAttribute] = N(expiresAt.ToUnixTimeSeconds()),
            [AcquiredAtAttribute] = S(now.ToString("O", CultureInfo.InvariantCulture)),
        };
        if (!string.IsNullOrEmpty(secretArn))
            item[SecretArnAttribute] = S(secretArn);
        if (savedScaling is not null)
            item[SavedScalingAttribute] = S(Serialize(savedScaling));
        return item;
    }

    private static ClusterLease Read(Dictionary<string, AttributeValue> item)
    {
        var expires = long.Parse(item[ExpiresAtAttribute].N, NumberStyles.Integer, CultureInfo.InvariantCulture);
        var saved = item.TryGetValue(SavedScalingAttribute, out var json) && json.S is { Length: > 0 } text
            ? JsonSerializer.Deserialize(text, RotationJsonContext.Default.IReadOnlyListNodeGroupScaling)
            : null;
        return new ClusterLease(item[ClusterIdAttribute].S, item[OwnerAttribute].S, DateTimeOffset.FromUnixTimeSeconds(expires), saved,
            Text(item, TaskTokenAttribute), Text(item, SecretArnAttribute));
    }

    private static string? Text(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.S is { Length: > 0 } text ? text : null;

    private static LeaseHeld Held(string clusterId, ClusterLease holder) =>
        new($"Cluster {clusterId} is leased by {holder.Owner} until {holder.ExpiresAt:O}.");

    private static string Serialize(IReadOnlyList<NodeGroupScaling> scaling) =>
        JsonSerializer.Serialize(scaling, RotationJsonContext.Default.IReadOnlyListNodeGroupScaling);

    private Task<T> Call<T>(string operation, string clusterId, Func<Task<T>> call, CancellationToken cancellationToken) =>
        AwsCalls.RunAsync($"DynamoDB.{operation}", $"{tableName}/{clusterId}", call, cancellationToken);

    private static Dictionary<string, AttributeValue> Key(string clusterId) => new(StringComparer.Ordinal) { [ClusterIdAttribute] = S(clusterId) };

    private static AttributeValue S(string value) => new() { S = value };

    private static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
