namespace PcsAutomation.LocalAws.Faults;

/// <summary>
/// Faults for one service (signing name, e.g. "pcs") and optionally one operation. Rates are probabilities
/// drawn from the injector's seeded random source, so a run is reproducible.
/// </summary>
public sealed record FaultRule(string Service, string? Operation = null)
{
    /// <summary>Share of calls answered with ThrottlingException (0..1).</summary>
    public double ThrottleRate { get; init; }

    /// <summary>Share of calls answered with the service's 500 error (0..1).</summary>
    public double ServerErrorRate { get; init; }

    /// <summary>Virtual time each matching call takes: the clock moves forward by this much before the answer.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>The Nth matching call (1-based) fails with <see cref="ForcedErrorCode"/>.</summary>
    public int? FailOnNthCall { get; init; }

    public string ForcedErrorCode { get; init; } = "ConflictException";
    public int ForcedErrorStatus { get; init; } = 409;
    public string ForcedErrorMessage { get; init; } = "Injected fault.";

    public bool Matches(string service, string operation) =>
        Service == service && (Operation is null || Operation == operation);
}
