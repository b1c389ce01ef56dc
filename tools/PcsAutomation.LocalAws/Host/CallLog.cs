namespace PcsAutomation.LocalAws.Host;

/// <summary>One answered call, for assertions ("UpdateComputeNodeGroup was called twice, once throttled").</summary>
public sealed record CallRecord(DateTimeOffset Time, string Service, string Operation, int Status, string? ErrorCode, string RequestId);

/// <summary>Every call the emulator answered, in order.</summary>
public sealed class CallLog
{
    private readonly List<CallRecord> calls = [];
    private readonly Lock gate = new();

    public IReadOnlyList<CallRecord> Calls
    {
        get { lock (gate) return [.. calls]; }
    }

    public void Add(CallRecord call)
    {
        lock (gate) calls.Add(call);
    }

    public IReadOnlyList<CallRecord> Of(string service, string? operation = null) =>
        Calls.Where(c => c.Service == service && (operation is null || c.Operation == operation)).ToList();
}
