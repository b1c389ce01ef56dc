using PcsAutomation.LocalAws;
using PcsAutomation.ProductHost;
using LocalAwsHost = PcsAutomation.LocalAws.LocalAws;

namespace PcsAutomation.Cli.Emulator;

/// <summary>
/// The CLI's emulator: the scenario's account, then the SAM template's resources (functions, state machine, table,
/// topic, rules) with the product's handlers running in process (<see cref="ProductFunctions"/>), on a virtual clock.
/// </summary>
public static class TemplateEmulator
{
    public static async Task<EmulatorSession> StartAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var template = FindTemplate(request.TemplatePath);
        var scenario = ScenarioAccount.Load(request.Scenario);

        var functions = new ProductFunctions();
        try
        {
            var aws = await LocalAwsHost.StartAsync(
                new LocalAwsOptions { Scenario = scenario, Template = template, FunctionFactory = functions.Create },
                cancellationToken).ConfigureAwait(false);
            // Each command asks for its own machine (EmulatorSession.StateMachineArn), so a template without one still serves the others.
            var machines = aws.Template?.StateMachineArns ?? new Dictionary<string, string>(StringComparer.Ordinal);
            return new EmulatorSession(aws, machines, template, functions);
        }
        catch
        {
            await functions.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The path as given, else the same name in a parent directory (so the command works from inside the repo).</summary>
    public static string FindTemplate(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (File.Exists(path)) return Path.GetFullPath(path);
        if (!Path.IsPathRooted(path))
        {
            for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()).Parent; dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, path);
                if (File.Exists(candidate)) return candidate;
            }
        }

        throw new CliException($"No template '{path}' here or in a parent directory; pass --template <path to template.yaml>.");
    }
}
