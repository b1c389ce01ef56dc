namespace PcsAutomation.Cli.Invoke;

/// <summary>One AWS call as the invoke output shows it: its last attempt's status and error, and how many attempts before it were retried.</summary>
public sealed record AwsCallLine(string Service, string Operation, int Status, string? ErrorCode, int Retries);

/// <summary>Turns recorded attempts into calls (pure).</summary>
public static class AwsCallLines
{
    /// <summary>
    /// An attempt with the same call key as an earlier attempt that failed (no response, a 5xx, a 429 or any error the
    /// client chose to retry) is that call's retry; anything else starts a new call. The product's clients retry only
    /// after a failure (standard mode), and sign a fresh date each time, which is why the key is not the raw request.
    /// </summary>
    public static IReadOnlyList<AwsCallLine> From(IReadOnlyList<AwsAttempt> attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        var lines = new List<AwsCallLine>();
        var openByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var attempt in attempts)
        {
            if (openByKey.TryGetValue(attempt.CallKey, out var index) && lines[index] is { } previous && Failed(previous.Status))
            {
                lines[index] = previous with { Status = attempt.Status, ErrorCode = attempt.ErrorCode, Retries = previous.Retries + 1 };
                continue;
            }
            openByKey[attempt.CallKey] = lines.Count;
            lines.Add(new AwsCallLine(attempt.Service, attempt.Operation, attempt.Status, attempt.ErrorCode, 0));
        }
        return lines;
    }

    private static bool Failed(int status) => status is 0 or >= 400;
}
