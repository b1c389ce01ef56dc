namespace PcsAutomation.LocalAws.Ssm;

/// <summary>A Run Command command: what was asked, where, and each instance's invocation (for tests to inspect).</summary>
public sealed class SsmCommand
{
    public required string CommandId { get; init; }
    public required string DocumentName { get; init; }
    public string? Comment { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Parameters { get; init; }
    public IReadOnlyList<string> InstanceIds { get; init; } = [];
    public IReadOnlyList<(string Key, IReadOnlyList<string> Values)> Targets { get; init; } = [];
    public required DateTimeOffset RequestedAt { get; init; }
    public required int TimeoutSeconds { get; init; }
    public required TimeSpan ExecutionTimeout { get; init; }
    public long Sequence { get; init; }

    /// <summary>The shell lines of AWS-RunShellScript's <c>commands</c> parameter.</summary>
    public IReadOnlyList<string> Commands => Parameters.GetValueOrDefault("commands") ?? [];

    public Dictionary<string, SsmInvocation> Invocations { get; } = new(StringComparer.Ordinal);

    /// <summary>The command's status from its invocations (Pending until delivered, Success only when all succeed).</summary>
    public string Status =>
        Invocations.Count == 0 ? "Success"
        : Invocations.Values.All(i => i.Status == SsmInvocation.Pending) ? "Pending"
        : Invocations.Values.Any(i => !i.IsDone) ? "InProgress"
        : Invocations.Values.All(i => i.Status == "Success") ? "Success"
        : Invocations.Values.Any(i => i.Status == "Failed") ? "Failed"
        : "TimedOut";
}

/// <summary>One instance's run of a command; times and outputs are set on the virtual clock.</summary>
public sealed class SsmInvocation
{
    public const string Pending = "Pending";

    public required string InstanceId { get; init; }
    public string InstanceName { get; init; } = "";
    public string Status { get; set; } = Pending;
    public string StatusDetails { get; set; } = Pending;
    public int ResponseCode { get; set; } = -1;
    public string StandardOutput { get; set; } = "";
    public string StandardError { get; set; } = "";
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    public bool IsDone => Status is "Success" or "Failed" or "TimedOut" or "Cancelled";
}
