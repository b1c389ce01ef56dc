namespace PcsAutomation.Aws.Runtime;

/// <summary>What one attempt of a call gave: the loop decides from this data whether to retry, rather than catching between attempts.</summary>
internal abstract record AttemptOutcome
{
    /// <summary>A 2xx response and its body.</summary>
    public sealed record Success(byte[] Body) : AttemptOutcome;

    /// <summary>A non-2xx response the service explained.</summary>
    public sealed record ServiceError(AwsErrorResponse Error) : AttemptOutcome;

    /// <summary>No response: a network failure, or no answer within the per-attempt timeout.</summary>
    public sealed record NoResponse(Exception Exception, bool TimedOut) : AttemptOutcome;
}
