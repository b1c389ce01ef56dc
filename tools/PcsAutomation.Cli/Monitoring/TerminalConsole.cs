using Spectre.Console;

namespace PcsAutomation.Cli.Monitoring;

/// <summary>
/// The console the CLI writes to, and whether the live view may redraw in place. In place only on a terminal that
/// takes control sequences: stdout not redirected, <c>TERM</c> not <c>dumb</c>, and no <c>NO_COLOR</c> (the
/// no-color.org convention: set and not empty means no colour; plain text serves it best). Anything else gets a console
/// that writes plain text: no colour, no cursor moves, no escape sequence, wide lines (Spectre would wrap at 80 columns).
/// </summary>
public static class TerminalConsole
{
    /// <summary>The width of plain output: one timeline line per line.</summary>
    public const int PlainWidth = 240;

    public static bool InPlace(bool outputRedirected, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return !outputRedirected
            && !string.Equals(environment("TERM"), "dumb", StringComparison.Ordinal)
            && string.IsNullOrEmpty(environment("NO_COLOR"));
    }

    /// <summary>The console over <paramref name="output"/>: Spectre's own detection on a terminal that speaks ANSI, plain text otherwise.</summary>
    public static (IAnsiConsole Console, bool InPlace) Create(TextWriter output, bool outputRedirected, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(output);
        var inPlace = InPlace(outputRedirected, environment);
        if (inPlace)
        {
            // Spectre's own detection has the last word: a terminal it finds no ANSI support on gets plain lines too.
            var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
            if (terminal.Profile.Capabilities.Ansi) return (terminal, true);
        }

        var plain = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        plain.Profile.Width = PlainWidth;
        return (plain, false);
    }
}
