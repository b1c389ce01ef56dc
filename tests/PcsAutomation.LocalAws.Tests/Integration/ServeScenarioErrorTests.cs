using System.Diagnostics;
using PcsAutomation.LocalAws.Tests.EventBridge;

namespace PcsAutomation.LocalAws.Tests.Integration;

/// <summary>
/// <c>serve --scenario bad.yaml</c> as a new user runs it (its own process, as the README says): a scenario file with a
/// mistake ends with one line on stderr naming the file, line and problem, and exit code 2, like the other usage errors.
/// </summary>
public sealed class ServeScenarioErrorTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(path);

    /// <summary>Writes the scenario file and runs <c>serve --scenario</c> on it; a process still running after two minutes served instead of refusing.</summary>
    private async Task<(int ExitCode, string Stdout, string Stderr)> ServeAsync(string yaml)
    {
        await File.WriteAllTextAsync(path, yaml);
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
        var dll = Path.Combine(RepoPaths.Root, "tools", "PcsAutomation.LocalAws", "bin", configuration, "net10.0", "PcsAutomation.LocalAws.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "serve", "--scenario", path, "--port", "0", "--clock", "virtual"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Serve_ScenarioWithUnknownKey_OneLineNamingFileLineAndKeyExitTwo()
    {
        var (exitCode, stdout, stderr) = await ServeAsync("clusters:\n  - name: demo\n    slurmVersoin: \"25.05\"\n");

        Assert.Equal(2, exitCode);
        Assert.Equal($"{path}:3:5: unknown key 'slurmVersoin' in clusters[0]; allowed keys: name, status, slurmVersion, size, "
            + "scaleDownIdleTimeInSeconds, slurmRest, tags, nodeGroups, queues", stderr.TrimEnd('\n'));
        Assert.Equal("", stdout);
    }

    [Fact]
    public async Task Serve_ScenarioWithUnsupportedSlurmVersion_OneLineWithTheApiMessageExitTwo()
    {
        var (exitCode, _, stderr) = await ServeAsync("clusters:\n  - name: demo\n    slurmVersion: \"99.99\"\n");

        Assert.Equal(2, exitCode);
        Assert.Equal($"{path}:3:19: cluster 'demo': 1 validation error detected: Value '99.99' at 'scheduler.version' failed to satisfy "
            + "constraint: Member must satisfy enum value set: [24.11, 25.05, 25.11]", stderr.TrimEnd('\n'));
    }
}
