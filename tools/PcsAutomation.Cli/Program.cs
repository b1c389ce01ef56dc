using PcsAutomation.Cli;
using Spectre.Console;

// pcs-automation: dotnet run --project tools/PcsAutomation.Cli -- rotate --cluster demo --emulator demo
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true; // stop watching cleanly; the execution itself goes on
    cancel.Cancel();
};
var host = new CliHost
{
    Console = AnsiConsole.Console,
    Output = Console.Out,
    Error = Console.Error,
    Time = TimeProvider.System,
    Environment = Environment.GetEnvironmentVariable,
};
return await CliApp.RunAsync(args, host, cancel.Token);
