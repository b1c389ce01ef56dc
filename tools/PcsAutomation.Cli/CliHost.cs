using PcsAutomation.Cli.Emulator;
using PcsAutomation.Cli.Monitoring;
using Spectre.Console;

namespace PcsAutomation.Cli;

/// <summary>Everything the commands take from outside: consoles, clock, environment, waits. Program.cs passes the real ones.</summary>
public sealed record CliHost
{
    /// <summary>Where timelines, summaries and one-line errors go.</summary>
    public required IAnsiConsole Console { get; init; }

    /// <summary>Help text (System.CommandLine writes it here).</summary>
    public required TextWriter Output { get; init; }

    /// <summary>Standard input (<c>invoke --event -</c>). Default: the process's.</summary>
    public TextReader Input { get; init; } = System.Console.In;

    /// <summary>Parse errors (System.CommandLine writes them here).</summary>
    public required TextWriter Error { get; init; }

    /// <summary>The clock of execution names and AWS signing; only Program.cs passes <see cref="TimeProvider.System"/>.</summary>
    public required TimeProvider Time { get; init; }

    /// <summary>Reads an environment variable (AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL, credentials).</summary>
    public required Func<string, string?> Environment { get; init; }

    /// <summary>The wait between polls against AWS. Default null: <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/> on <see cref="Time"/>.</summary>
    public Func<TimeSpan, CancellationToken, Task>? Delay { get; init; }

    /// <summary>Starts the emulator for <c>rotate --emulator</c>. Default: the scenario plus template.yaml with the product's handlers.</summary>
    public EmulatorStarter StartEmulator { get; init; } = TemplateEmulator.StartAsync;

    /// <summary>Whether the live view may redraw its running steps in place (a terminal: <see cref="TerminalConsole"/>). Default false: plain lines.</summary>
    public bool LiveInPlace { get; init; }

    /// <summary>Where the workflow commands write each run's page (<c>Report/RunReports</c>). Default <c>reports</c> under the current directory (git-ignored).</summary>
    public string ReportFolder { get; init; } = Report.RunReports.DefaultFolder;

    /// <summary>How the live view polls. Default <see cref="PollingOptions"/>' defaults.</summary>
    public PollingOptions Polling { get; init; } = new();
}
