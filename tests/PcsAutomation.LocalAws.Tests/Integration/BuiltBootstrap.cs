using System.Diagnostics;
using PcsAutomation.LocalAws.Tests.EventBridge;

namespace PcsAutomation.LocalAws.Tests.Integration;

/// <summary>
/// The real Native AOT bootstrap, built once per test run the way <c>sam build</c> does
/// (<c>make build-DiagnosticsFunction ARTIFACTS_DIR=...</c>; make skips the publish when no source changed).
/// </summary>
internal static class BuiltBootstrap
{
    private static readonly Lazy<Task<string>> Path = new(BuildAsync);

    public static Task<string> GetAsync() => Path.Value;

    private static async Task<string> BuildAsync()
    {
        var artifacts = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "localaws-integration-" + Environment.ProcessId);
        var start = new ProcessStartInfo("make", ["-C", RepoPaths.Root, "build-DiagnosticsFunction", "ARTIFACTS_DIR=" + artifacts])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var make = Process.Start(start)!;
        var output = make.StandardOutput.ReadToEndAsync();
        var errors = make.StandardError.ReadToEndAsync();
        // A guard against a hung build only: the Native AOT publish takes 2-3 min on a quiet machine, over 15 under heavy load.
        var patience = TimeSpan.FromMinutes(30);
        using var limit = new CancellationTokenSource(patience);
        try
        {
            await make.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            make.Kill(entireProcessTree: true);
            throw new TimeoutException($"make build-DiagnosticsFunction did not finish within {patience}");
        }
        if (make.ExitCode != 0)
            throw new InvalidOperationException($"make build-DiagnosticsFunction failed ({make.ExitCode}):\n{await output}\n{await errors}");
        return System.IO.Path.Combine(artifacts, "bootstrap");
    }
}
