using System.Diagnostics;
using System.Text;

namespace PcsAutomation.Functions.Tests.Bootstrap;

/// <summary>
/// Builds the real Native AOT bootstrap once per test run, the way <c>sam build</c> does
/// (<c>make build-DiagnosticsFunction ARTIFACTS_DIR=...</c>), into a fresh directory. The native compiler's
/// intermediate output is deleted first (<c>FRESH_NATIVE=1</c>, under the Makefile's publish lock, since another test
/// project may be publishing at the same time): an up-to-date ILC step is skipped and prints nothing, and the
/// zero-warning check must see the trim/AOT analysis run.
/// </summary>
public sealed class PublishedBootstrap : IAsyncLifetime
{
    private readonly string workDirectory = Path.Combine(Path.GetTempPath(), $"pcs-bootstrap-{Guid.NewGuid():N}");

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The <c>bootstrap</c> the make target left in its ARTIFACTS_DIR.</summary>
    public string BootstrapPath => Path.Combine(workDirectory, "artifacts", "bootstrap");

    public int MakeExitCode { get; private set; }

    /// <summary>Everything make and dotnet publish printed.</summary>
    public string MakeOutput { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var make = new ProcessStartInfo("make")
        {
            WorkingDirectory = RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                "build-DiagnosticsFunction",
                $"ARTIFACTS_DIR={Path.Combine(workDirectory, "artifacts")}",
                $"BOOTSTRAP_DIR={Path.Combine(workDirectory, "publish")}",
                "FRESH_NATIVE=1",
            },
        };
        using var process = Process.Start(make)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A guard against a hung build only: the Native AOT publish takes 2-3 min on a quiet machine, over 10 under heavy load.
        var patience = TimeSpan.FromMinutes(30);
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"make build-DiagnosticsFunction did not finish within {patience}");
        }
        MakeExitCode = process.ExitCode;
        MakeOutput = new StringBuilder().Append(await stdout).Append(await stderr).ToString();
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(workDirectory))
            Directory.Delete(workDirectory, recursive: true);
        return Task.CompletedTask;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PcsAutomation.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException($"No PcsAutomation.sln above {AppContext.BaseDirectory}");
    }
}

[CollectionDefinition(Name)]
public sealed class UsesPublishedBootstrap : ICollectionFixture<PublishedBootstrap>
{
    public const string Name = "published bootstrap";
}
