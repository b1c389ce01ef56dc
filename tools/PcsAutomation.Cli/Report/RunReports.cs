using System.Globalization;
using PcsAutomation.Cli.Workflows;
using Spectre.Console;

namespace PcsAutomation.Cli.Report;

/// <summary>
/// Writes run pages: to the path asked, else <c>reports/&lt;state machine&gt;-&lt;execution name&gt;.html</c> under the current
/// directory (git-ignored). The workflow commands end with <see cref="AfterRunAsync"/>, so every run leaves its page.
/// </summary>
public static class RunReports
{
    public const string DefaultFolder = "reports";

    /// <summary>Reads the execution, writes its page to <paramref name="output"/> (else its name in <paramref name="folder"/>); returns the full path.</summary>
    public static async Task<string> WriteAsync(WorkflowConnection connection, string executionArn, string? output, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var run = await new RunReportReader(connection).ReadAsync(executionArn, cancellationToken).ConfigureAwait(false);
        var path = Path.GetFullPath(output ?? Path.Combine(folder, FileName(run)));
        if (Path.GetDirectoryName(path) is { } parent) Directory.CreateDirectory(parent);
        await File.WriteAllTextAsync(path, ReportPage.Render(run), cancellationToken).ConfigureAwait(false);
        return path;
    }

    /// <summary>
    /// After a workflow command followed its execution: writes its page (<see cref="CliHost.ReportFolder"/>) and prints
    /// the path. A page that cannot be written is said in one line and does not change the command's exit code.
    /// </summary>
    public static async Task<int> AfterRunAsync(CliHost host, WorkflowConnection connection, int exitCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.Followed is not { } executionArn) return exitCode;
        try
        {
            var path = await WriteAsync(connection, executionArn, null, host.ReportFolder, cancellationToken).ConfigureAwait(false);
            host.Console.WriteLine($"Report: {path}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Amazon.Runtime.AmazonServiceException or CliException)
        {
            host.Console.WriteLine($"Report not written: {e.Message}");
        }

        return exitCode;
    }

    /// <summary>"cluster-secret-rotation-ondemand-pcs_x-20260105T0800.html": the names, with anything unsafe in a file name replaced.</summary>
    public static string FileName(RunReportData run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var name = $"{run.StateMachineName}-{run.ExecutionName}";
        return string.Create(CultureInfo.InvariantCulture, $"{new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')])}.html");
    }
}
