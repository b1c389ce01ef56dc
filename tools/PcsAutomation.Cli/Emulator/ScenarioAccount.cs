using PcsAutomation.Aws.Runtime;
using PcsAutomation.Cli.Aws;
using PcsAutomation.LocalAws;
using PcsAutomation.LocalAws.Scenarios;
using LocalAwsHost = PcsAutomation.LocalAws.LocalAws;

namespace PcsAutomation.Cli.Emulator;

/// <summary>
/// A scenario's account alone in the in-process emulator (no template: reads need only the services), for the commands
/// that read and decide without running a workflow (<c>ami latest</c>, <c>capacity-blocks list</c> and <c>plan</c>):
/// the product's clients pointed at it, on its virtual clock.
/// </summary>
public sealed class ScenarioAccount : IAsyncDisposable
{
    private ScenarioAccount(LocalAwsHost aws, AwsClientFactory factory)
    {
        Aws = aws;
        Factory = factory;
    }

    public LocalAwsHost Aws { get; }

    /// <summary>Clients for the emulator's endpoint and keys, signing on its virtual clock.</summary>
    public AwsClientFactory Factory { get; }

    public TimeProvider Clock => Aws.Clock;

    public static async Task<ScenarioAccount> StartAsync(string scenarioName, CancellationToken cancellationToken)
    {
        var scenario = Load(scenarioName);
        var aws = await LocalAwsHost.StartAsync(new LocalAwsOptions { Scenario = scenario }, cancellationToken).ConfigureAwait(false);
        var environment = aws.EnvironmentVariables;
        return new ScenarioAccount(aws, new AwsSettings(null, null, null).CreateFactory(environment.GetValueOrDefault, aws.Clock));
    }

    /// <summary>A shipped scenario by name or a YAML file; neither is a usage error naming it.</summary>
    public static ScenarioDefinition Load(string scenarioName)
    {
        try
        {
            return ScenarioFile.Load(scenarioName);
        }
        catch (FileNotFoundException)
        {
            throw new CliException($"No scenario '{scenarioName}': give a shipped scenario name (demo, capacity) or a YAML file path.");
        }
    }

    /// <summary>"Emulator on http://127.0.0.1:…/ (scenario capacity, virtual clock at 2026-01-05 08:00:00Z)."</summary>
    public string Announcement(string scenarioName) =>
        $"Emulator on {Aws.Endpoint} (scenario {scenarioName}, virtual clock at {Monitoring.TimelineFormat.Timestamp(Aws.Clock.GetUtcNow())}).";

    public async ValueTask DisposeAsync()
    {
        Factory.Dispose();
        await Aws.DisposeAsync().ConfigureAwait(false);
    }
}
