using System.CommandLine;
using PcsAutomation.LocalAws;

// Standalone emulator: dotnet run --project tools/PcsAutomation.LocalAws -- serve --scenario demo --port 4566
// It knows nothing of the product: template functions run a bootstrap executable (--bootstrap) as Lambda would;
// `pcs-automation serve` (tools/PcsAutomation.Cli) serves the same emulator with the product's handlers in process.
var serve = ServeCommand.Create("Serve the local AWS emulator until Ctrl+C.", TimeProvider.System);
var root = new RootCommand("Local AWS emulator for PcsAutomation (PCS, Secrets Manager, ...).") { serve };
return await root.Parse(args).InvokeAsync();
