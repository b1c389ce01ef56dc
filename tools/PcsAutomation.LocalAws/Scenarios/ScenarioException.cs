namespace PcsAutomation.LocalAws.Scenarios;

/// <summary>
/// A scenario file a user can fix: one line naming the file, the line and column, and what is wrong there
/// (<c>bad.yaml:7:5: unknown key 'slurmVersoin' in clusters[0]; allowed keys: ...</c>). Commands print the message and exit 2.
/// </summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException(string message)
        : base(message)
    {
    }

    public ScenarioException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ScenarioException()
    {
    }

    internal static ScenarioException At(string source, YamlDotNet.Core.Mark mark, string problem, Exception? inner = null) =>
        inner is null ? new($"{source}:{mark.Line}:{mark.Column}: {problem}") : new($"{source}:{mark.Line}:{mark.Column}: {problem}", inner);
}
