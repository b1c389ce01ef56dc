using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace PcsAutomation.Functions.Rotation;

/// <summary>
/// The two lease operations the secret-rotation handlers need, on the lease table (hash key <c>clusterId</c>): the
/// owner stores the task token it waits on, and the event router reads it back. Taking and releasing the lease are
/// the core handlers' business.
/// </summary>
internal sealed class SecretRotationLease(IAmazonDynamoDB dynamoDb, string tableName)
{
    /// <summary>The variable that names the lease table (the template passes the <c>ClusterLeaseTable</c> name).</summary>
    public const string TableVariable = "PCS_AUTOMATION_LEASE_TABLE";

    public static SecretRotationLease FromEnvironment(IAmazonDynamoDB dynamoDb, Func<string, string?> getVariable) =>
        new(dynamoDb, getVariable(TableVariable) is { Length: > 0 } name
            ? name
            : throw new InvalidOperationException($"{TableVariable} is not set: the handler needs the lease table's name."));

    /// <summary>Sets <c>taskToken</c> when <paramref name="owner"/> still owns the lease; otherwise <see cref="LeaseLost"/>.</summary>
    public async Task StoreTaskTokenAsync(string clusterId, string owner, string taskToken, CancellationToken cancellationToken)
    {
        try
        {
            await SecretRotationAws.Call("UpdateItem", clusterId, () => dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = new() { ["clusterId"] = new AttributeValue { S = clusterId } },
                UpdateExpression = "SET taskToken = :token",
                ConditionExpression = "#owner = :owner",
                ExpressionAttributeNames = new() { ["#owner"] = "owner" },
                ExpressionAttributeValues = new()
                {
                    [":token"] = new AttributeValue { S = taskToken },
                    [":owner"] = new AttributeValue { S = owner },
                },
            }, cancellationToken)).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException e)
        {
            throw new LeaseLost($"Execution {owner} no longer holds the lease of cluster {clusterId}; the rotation was not started.", e);
        }
    }

    /// <summary>The lease of <paramref name="clusterId"/> (strongly consistent: the token may have been written a moment ago), or null.</summary>
    public async Task<LeaseRecord?> GetAsync(string clusterId, CancellationToken cancellationToken)
    {
        var response = await SecretRotationAws.Call("GetItem", clusterId, () => dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = new() { ["clusterId"] = new AttributeValue { S = clusterId } },
            ConsistentRead = true,
        }, cancellationToken)).ConfigureAwait(false);
        var item = response.Item;
        if (item is null || item.Count == 0) return null;
        return new LeaseRecord(
            clusterId,
            Text(item, "owner"),
            Text(item, "taskToken"),
            Text(item, "secretArn"));
    }

    private static string? Text(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.S is { Length: > 0 } text ? text : null;
}

/// <summary>What the router needs of a lease item.</summary>
internal sealed record LeaseRecord(string ClusterId, string? Owner, string? TaskToken, string? SecretArn);
