using PcsAutomation.Cli.Emulator;

namespace PcsAutomation.Cli.Tests.Commands;

/// <summary>
/// <c>rotate --cluster demo --emulator bad.yaml</c> with the real emulator starter: a scenario file with a mistake is a
/// usage error, one line naming the file, line and problem, exit code 2, and nothing starts.
/// </summary>
public sealed class RotateScenarioErrorTests : IDisposable
{
    // Short: Spectre wraps a console line at the test console's 220 columns.
    private readonly string path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}"[..12] + ".yaml");

    public void Dispose() => File.Delete(path);

    private Task<CliOutcome> RotateAsync(string yaml)
    {
        File.WriteAllText(path, yaml);
        return CliRun.RunAsync(host => host with { StartEmulator = TemplateEmulator.StartAsync }, "rotate", "--cluster", "demo", "--emulator", path);
    }

    [Fact]
    public async Task Rotate_EmulatorScenarioWithUnknownKey_OneLineWithFileLineKeyExitTwo()
    {
        var run = await RotateAsync("clusters:\n  - name: demo\n    slurmVersoin: \"25.05\"\n");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal($"error: {path}:3:5: unknown key 'slurmVersoin' in clusters[0]; allowed keys: name, status, slurmVersion, size, "
            + "scaleDownIdleTimeInSeconds, slurmRest, tags, nodeGroups, queues", run.Text.TrimEnd('\n'));
    }

    [Fact] // guide L1900: the emulated CreateCluster's own check and message
    public async Task Rotate_EmulatorScenarioWithSlurm9999_OneLineWithTheApiMessageExitTwo()
    {
        var run = await RotateAsync("clusters:\n  - name: demo\n    slurmVersion: \"99.99\"\n");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal($"error: {path}:3:19: cluster 'demo': 1 validation error detected: Value '99.99' at 'scheduler.version' failed to "
            + "satisfy constraint: Member must satisfy enum value set: [24.11, 25.05, 25.11]", run.Text.TrimEnd('\n'));
    }
}
