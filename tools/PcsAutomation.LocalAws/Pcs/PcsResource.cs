namespace PcsAutomation.LocalAws.Pcs;

/// <summary>What clusters, node groups and queues share: identity, status, timestamps, tags, error info.</summary>
public abstract class PcsResource
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Arn { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ModifiedAt { get; set; }
    public string Status { get; private set; } = PcsStatus.Creating;
    public Dictionary<string, string> Tags { get; init; } = new(StringComparer.Ordinal);
    public List<(string Code, string Message)> ErrorInfo { get; } = [];

    /// <summary>The <c>resourceType</c> PCS errors name: "cluster", "computeNodeGroup", "queue".</summary>
    public abstract string ResourceType { get; }

    /// <summary>Changes status if the current one is among <paramref name="allowedFrom"/>, else throws the named error.</summary>
    protected void Move(string to, DateTimeOffset now, params string[] allowedFrom)
    {
        if (!allowedFrom.Contains(Status)) throw new InvalidTransitionException(ResourceType, Id, Status, to);
        Status = to;
        ModifiedAt = now;
    }

    /// <summary>Scenario override: put the resource in any status (SUSPENDED, CREATE_FAILED, ...) without the rules.</summary>
    public void ForceStatus(string status, DateTimeOffset now)
    {
        Status = status;
        ModifiedAt = now;
    }
}
