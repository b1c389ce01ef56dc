namespace PcsAutomation.LocalAws.Pcs;

/// <summary>The status literals of the PCS model (ClusterStatus, ComputeNodeGroupStatus, QueueStatus).</summary>
public static class PcsStatus
{
    public const string Creating = "CREATING";
    public const string Active = "ACTIVE";
    public const string Updating = "UPDATING";
    public const string Deleting = "DELETING";
    public const string Deleted = "DELETED";
    public const string CreateFailed = "CREATE_FAILED";
    public const string DeleteFailed = "DELETE_FAILED";
    public const string UpdateFailed = "UPDATE_FAILED";
    public const string Suspending = "SUSPENDING";
    public const string Suspended = "SUSPENDED";
    public const string Resuming = "RESUMING";
}

/// <summary>A status change the resource does not allow from its current status; the API answers ConflictException.</summary>
public sealed class InvalidTransitionException(string resourceType, string resourceId, string from, string to)
    : Exception($"The {resourceType} {resourceId} cannot go from {from} to {to}.")
{
    public string ResourceType { get; } = resourceType;
    public string ResourceId { get; } = resourceId;
    public string From { get; } = from;
    public string To { get; } = to;
}
