using Microsoft.Extensions.Time.Testing;
using PcsAutomation.Cli.Emulator;
using PcsAutomation.Cli.Monitoring;
using LocalAwsHost = PcsAutomation.LocalAws.LocalAws;

namespace PcsAutomation.Cli.Tests.Commands;

/// <summary>Runs the CLI in process and keeps what it printed.</summary>
internal sealed record CliOutcome(int ExitCode, string Text, string Errors);

internal static class CliRun
{
    /// <summary>Against a running emulator as against AWS (--endpoint-url): its keys in the environment, its clock, waits that move it.</summary>
    public static Task<CliOutcome> AgainstAsync(LocalAwsHost aws, PollingOptions? polling, params string[] args) =>
        RunAsync(host => host with
        {
            Time = aws.Clock,
            Environment = name => name is "AWS_ENDPOINT_URL" ? null : aws.EnvironmentVariables.GetValueOrDefault(name),
            Delay = async (span, _) => await aws.RunUntilAsync(() => false, span),
            Polling = polling ?? host.Polling,
        }, [.. args, "--endpoint-url", aws.Endpoint.ToString()]);

    /// <summary>With <c>--emulator</c>, the fixture workflow standing in for template.yaml.</summary>
    public static Task<CliOutcome> EmulatorAsync(params string[] args) =>
        RunAsync(host => host with { StartEmulator = FixtureWorkflow.StartAsync }, args);

    public static async Task<CliOutcome> RunAsync(Func<CliHost, CliHost> configure, params string[] args)
    {
        using var console = new StringConsole();
        var outcome = await RunOnAsync(console.Console, configure, args);
        return outcome with { Text = console.Text + outcome.Text };
    }

    /// <summary>
    /// As when stdout is a pipe or a file: the console the CLI makes then (<see cref="TerminalConsole"/>, though TERM
    /// names a colour terminal), so the text is what a log would keep.
    /// </summary>
    public static async Task<CliOutcome> PipedAsync(Func<CliHost, CliHost> configure, params string[] args)
    {
        using var stream = new StringWriter();
        var (console, inPlace) = TerminalConsole.Create(stream, outputRedirected: true, name => name == "TERM" ? "xterm-256color" : null);
        var outcome = await RunOnAsync(console, host => configure(host) with { LiveInPlace = inPlace }, args);
        return outcome with { Text = stream + outcome.Text };
    }

    /// <summary>On the console given (a terminal's, a pipe's): the outcome's text is only what went to the host's Output.</summary>
    public static async Task<CliOutcome> RunOnAsync(Spectre.Console.IAnsiConsole console, Func<CliHost, CliHost> configure, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var host = configure(new CliHost
        {
            Console = console,
            Output = output,
            Error = errors,
            Time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero)),
            Environment = _ => null,
            StartEmulator = (_, _) => throw new InvalidOperationException("no emulator in this test"),
        });
        var code = await CliApp.RunAsync(args, host);
        return new CliOutcome(code, output.ToString(), errors.ToString());
    }
}
