using Spectre.Console;

namespace PcsAutomation.Cli.Tests;

/// <summary>A Spectre console writing plain text (no colours, no ANSI) into a string, wide enough for one line per event.</summary>
public sealed class StringConsole : IDisposable
{
    private readonly StringWriter writer = new();

    public StringConsole()
    {
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        Console.Profile.Width = 220;
    }

    public IAnsiConsole Console { get; }

    public string Text => writer.ToString();

    public void Dispose() => writer.Dispose();
}
