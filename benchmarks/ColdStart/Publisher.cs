using System.Diagnostics;

namespace PcsAutomation.Benchmarks.ColdStart;

/// <summary>
/// Builds the two candidates from the same sources: the AOT <c>bootstrap</c> exactly as <c>sam build</c> does
/// (<c>make build-DiagnosticsFunction ARTIFACTS_DIR=...</c>), and the same project published for the JIT
/// (<c>PublishAot=false</c>, framework-dependent, run as <c>dotnet bootstrap.dll</c>).
/// </summary>
public static class Publisher
{
    /// <summary>The AOT candidate in <c>&lt;artifacts&gt;/aot</c>, built unless <paramref name="skip"/>.</summary>
    public static async Task<Candidate> AotAsync(BenchmarkOptions options, bool skip)
    {
        var dir = Path.Combine(options.ArtifactsDir, "aot");
        if (!skip)
            await RunAsync("make", ["-C", options.RepoRoot, "build-" + LambdaEnvironment.BuildLogicalId, "ARTIFACTS_DIR=" + dir], options.RepoRoot);
        var bootstrap = Path.Combine(dir, "bootstrap");
        return File.Exists(bootstrap)
            ? new Candidate("AOT", bootstrap, [], dir)
            : throw new InvalidOperationException("no AOT bootstrap at " + bootstrap);
    }

    /// <summary>The JIT candidate in <c>&lt;artifacts&gt;/jit</c>, built unless <paramref name="skip"/>.</summary>
    public static async Task<Candidate> JitAsync(BenchmarkOptions options, bool skip)
    {
        var dir = Path.Combine(options.ArtifactsDir, "jit");
        var project = Path.Combine(options.RepoRoot, "functions", "PcsAutomation.Functions");
        if (!skip)
            await RunAsync("dotnet", ["publish", project, "-c", "Release", "-p:PublishAot=false", "-o", dir], options.RepoRoot);
        var dll = Path.Combine(dir, "bootstrap.dll");
        return File.Exists(dll)
            ? new Candidate("JIT", DotnetHost(), [dll], dir)
            : throw new InvalidOperationException("no JIT build at " + dll);
    }

    private static async Task RunAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory)
    {
        Console.WriteLine($"$ {fileName} {string.Join(' ', arguments)}");
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // `dotnet run` passes MSBuild's own settings to its child; a nested build must find its SDK afresh.
        foreach (var name in new[] { "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
            start.Environment.Remove(name);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + fileName);
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}");
    }

    /// <summary>The <c>dotnet</c> host on PATH (or under <c>DOTNET_ROOT</c>), resolved to a full path.</summary>
    private static string DotnetHost()
    {
        var roots = new[] { Environment.GetEnvironmentVariable("DOTNET_ROOT") }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator));
        foreach (var root in roots.Where(r => !string.IsNullOrEmpty(r)))
        {
            var candidate = Path.Combine(root!, "dotnet");
            if (File.Exists(candidate))
                return new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate;
        }
        throw new InvalidOperationException("dotnet not found on PATH");
    }
}
