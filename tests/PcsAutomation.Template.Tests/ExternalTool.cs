using System.Diagnostics;

namespace PcsAutomation.Template.Tests;

/// <summary>What an external checker (npx asl-validator, cfn-lint) said.</summary>
public sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <inheritdoc />
    public override string ToString() => $"exit {ExitCode}\n{StandardOutput}\n{StandardError}";
}

/// <summary>Runs a command-line checker to completion, capturing both streams.</summary>
public static class ExternalTool
{
    /// <summary>Runs <paramref name="fileName"/>; the process is killed if it outlives <paramref name="timeout"/>.</summary>
    public static async Task<ToolResult> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // keep npm quiet and offline-tolerant: the validator is fetched once by .ci/run
        start.Environment["npm_config_update_notifier"] = "false";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + fileName);
        using var deadline = new CancellationTokenSource(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            return new ToolResult(process.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}");
        }
    }
}
