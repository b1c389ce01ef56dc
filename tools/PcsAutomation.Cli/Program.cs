using PcsAutomation.Cli;
using Spectre.Console;

// pcs-automation: dotnet run --project tools/PcsAutomation.Cli -- rotate --cluster demo --emulator demo
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true; // stop watching cleanly; the execution itself goes on
    cancel.Cancel();
};
var console = AnsiConsole.Console;
// Piped or redirected: Spectre would wrap at 80 columns; keep one timeline event per line.
if (Console.IsOutputRedirected) console.Profile.Width = 240;
var host = new CliHost
{
    Console = console,
    Output = Console.Out,
    Error = Console.Error,
    Time = TimeProvider.System,
    Environment = Environment.GetEnvironmentVariable,
};
return await CliApp.RunAsync(args, host, cancel.Token);
