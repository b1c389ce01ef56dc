using PcsAutomation.Cli;
using PcsAutomation.Cli.Monitoring;

// pcs-automation: dotnet run --project tools/PcsAutomation.Cli -- rotate --cluster demo --emulator demo
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true; // stop watching cleanly; the execution itself goes on
    cancel.Cancel();
};
// A terminal gets colours and the live view redrawn in place; a pipe, a file, TERM=dumb or NO_COLOR get plain lines.
var (console, inPlace) = TerminalConsole.Create(Console.Out, Console.IsOutputRedirected, Environment.GetEnvironmentVariable);
var host = new CliHost
{
    Console = console,
    LiveInPlace = inPlace,
    Output = Console.Out,
    Error = Console.Error,
    Time = TimeProvider.System,
    Environment = Environment.GetEnvironmentVariable,
};
return await CliApp.RunAsync(args, host, cancel.Token);
