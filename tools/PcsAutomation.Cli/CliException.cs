namespace PcsAutomation.Cli;

/// <summary>Bad input or a missing resource the operator can fix: printed as one line, exit code <see cref="ExitCodes.Usage"/>.</summary>
public sealed class CliException(string message) : Exception(message);

/// <summary>The process exit codes.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The workflow failed or was refused (a rotation, a roll-out, a plan), an event was refused, or no AMI was eligible.</summary>
    public const int Failed = 1;

    /// <summary>Bad input: a parse error, unknown cluster, no state machine, unreadable file, bad configuration.</summary>
    public const int Usage = 2;

    /// <summary>Ctrl+C: the CLI stopped watching, the execution goes on.</summary>
    public const int Interrupted = 130;
}
