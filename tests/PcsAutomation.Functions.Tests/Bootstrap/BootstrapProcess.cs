using System.Diagnostics;
using System.Text;

namespace PcsAutomation.Functions.Tests.Bootstrap;

/// <summary>The bootstrap running as Lambda runs it: a process with only the environment Lambda would give it.</summary>
internal sealed class BootstrapProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private BootstrapProcess(Process process) => this.process = process;

    /// <summary>Everything written to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (output)
                return output.ToString();
        }
    }

    public int ExitCode => process.ExitCode;

    public static BootstrapProcess Start(string path, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
        // Nothing from the test machine (AWS_* variables, profiles) may leak into the function's configuration.
        start.Environment.Clear();
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        var process = new Process { StartInfo = start };
        var started = new BootstrapProcess(process);
        process.OutputDataReceived += (_, e) => started.Append(e.Data);
        process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => process.WaitForExitAsync(cancellationToken);

    public void Dispose()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
    }
}
