using PcsAutomation.Cli.Emulator;
using PcsAutomation.Cli.Tests.Monitoring;
using Spectre.Console;

namespace PcsAutomation.Cli.Tests.Commands;

/// <summary>
/// The grouped live view on a terminal: the README's main command (demo scenario, template.yaml, the product's
/// handlers) written to a console that speaks ANSI, as a terminal would get it, then replayed on a fake terminal.
/// </summary>
public class LiveViewTemplateTests
{
    private static async Task<(CliOutcome Run, string Stream)> OnTerminalAsync(params string[] args)
    {
        using var stream = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Standard,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(stream),
        });
        console.Profile.Width = 130;
        var run = await CliRun.RunOnAsync(console, host => host with { LiveInPlace = true, StartEmulator = TemplateEmulator.StartAsync }, args);
        return (run, stream.ToString());
    }

    [Fact]
    public async Task Rotate_DemoOnATerminal_TheDrainLoopRedrawnInPlaceAndTheScreenEndsWithOneLinePerStep()
    {
        var (run, stream) = await OnTerminalAsync("rotate", "--cluster", "demo", "--emulator", "demo");

        Assert.True(run.ExitCode == 0, stream);
        // while it ran: the loop's line, redrawn (cursor up over the live lines, erase below) as the polls came
        Assert.Contains("waiting  for instances to stop: ", stream, StringComparison.Ordinal);
        Assert.Matches(@"\u001b\[\d+A\u001b\[0J", stream);
        var screen = FakeTerminal.Screen(stream);
        // at the end: no live line left on the screen, the finished loop once, each step once
        Assert.DoesNotContain(screen, l => l.Contains("  waiting  ", StringComparison.Ordinal) || l.Contains("  running  ", StringComparison.Ordinal));
        Assert.Single(screen, l => l.Contains("  waited   for instances to stop: 3 → 0 instances up", StringComparison.Ordinal));
        Assert.Single(screen, l => l.EndsWith("  done     ScaleNodeGroupsToZero (0s)", StringComparison.Ordinal));
        Assert.Single(screen, l => l.Contains("  done     RotateClusterSecret (", StringComparison.Ordinal));
        Assert.Single(screen, l => l.Contains("  notified Succeeded: PCS cluster secret rotated: demo", StringComparison.Ordinal));
        Assert.Single(screen, l => l.Contains("  succeeded execution", StringComparison.Ordinal));
        Assert.DoesNotContain(screen, l => l.Contains("  entered  ", StringComparison.Ordinal));
        Assert.Contains(screen, l => l.Contains("Rotation summary", StringComparison.Ordinal));
    }
}
