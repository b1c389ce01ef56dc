namespace PcsAutomation.Domain.Rotation;

/// <summary>
/// What the reconciler does for one cluster now. <see cref="Reason"/> says why (logged, and returned as the skip
/// reason); <see cref="WindowOpenedAt"/> is the start of the open window when <see cref="Start"/>, which names
/// the execution (<see cref="Workflows.ExecutionNames.ForWindow"/>).
/// </summary>
public sealed record RotationDecision(bool Start, string Reason, DateTimeOffset? WindowOpenedAt);
