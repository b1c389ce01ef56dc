using PcsAutomation.Cli.Monitoring;
using Spectre.Console;

namespace PcsAutomation.Cli.Tests.Monitoring;

public class TerminalConsoleTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Theory]
    [InlineData(false, "xterm-256color", null, true)]
    [InlineData(true, "xterm-256color", null, false)] // a pipe or a file
    [InlineData(false, "dumb", null, false)]
    [InlineData(false, "xterm-256color", "1", false)]
    [InlineData(false, "xterm-256color", "", true)] // NO_COLOR set but empty does not count (no-color.org)
    public void InPlace_TerminalTermAndNoColor_OnlyOnARealTerminal(bool redirected, string term, string? noColor, bool expected)
    {
        var env = noColor is null ? Env(("TERM", term)) : Env(("TERM", term), ("NO_COLOR", noColor));

        Assert.Equal(expected, TerminalConsole.InPlace(redirected, env));
    }

    [Fact]
    public void Create_Redirected_PlainTextWithoutEscapesAndWide()
    {
        using var output = new StringWriter();
        var (console, inPlace) = TerminalConsole.Create(output, outputRedirected: true, Env(("TERM", "xterm-256color")));

        console.MarkupLine("[red]failed[/] [bold]x[/]");
        console.WriteLine(new string('-', 200));

        Assert.False(inPlace);
        Assert.DoesNotContain('\u001b', output.ToString());
        Assert.Contains("failed x", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(new string('-', 200), output.ToString(), StringComparison.Ordinal); // not wrapped at 80
    }
}
