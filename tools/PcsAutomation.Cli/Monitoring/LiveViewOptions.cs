namespace PcsAutomation.Cli.Monitoring;

/// <summary>
/// How the live view prints: <paramref name="Verbose"/> keeps the full list (a line per state entered and exited);
/// otherwise steps are grouped, and <paramref name="InPlace"/> (a terminal) redraws the running steps in place.
/// </summary>
public sealed record LiveViewOptions(bool Verbose = false, bool InPlace = false)
{
    public static LiveViewOptions Default { get; } = new();
}
