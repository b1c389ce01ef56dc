namespace PcsAutomation.Domain.Rotation;

public sealed record RotationDecision(bool Start, string Reason, DateTimeOffset? WindowOpenedAt);
