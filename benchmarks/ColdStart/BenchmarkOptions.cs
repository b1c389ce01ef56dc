namespace PcsAutomation.Benchmarks.ColdStart;

/// <summary>What one benchmark run does; built once from the command line and validated there.</summary>
public sealed record BenchmarkOptions
{
    /// <summary>Cold starts per build (AOT and JIT each). Default 10.</summary>
    public int ColdStarts { get; init; } = 10;

    /// <summary>Warm invocations after the first one, in every cold start. Default 100.</summary>
    public int WarmInvocations { get; init; } = 100;

    /// <summary>The repository to publish from (holds <c>PcsAutomation.sln</c> and <c>Makefile</c>). Default: found upwards from the working directory.</summary>
    public required string RepoRoot { get; init; }

    /// <summary>Where the two builds are published. Default <c>&lt;repo&gt;/artifacts/benchmarks</c>.</summary>
    public required string ArtifactsDir { get; init; }

    /// <summary>The Markdown report to write. Default <c>&lt;repo&gt;/docs/benchmarks.md</c>; <c>--no-report</c> skips it.</summary>
    public string? ReportPath { get; init; }

    /// <summary>Reuse the builds already in <see cref="ArtifactsDir"/> instead of publishing again.</summary>
    public bool SkipPublish { get; init; }

    /// <summary>What sources were measured, for the report (e.g. branch names); <c>--label TEXT</c>.</summary>
    public string? Label { get; init; }

    /// <summary>The command line as typed, for the report.</summary>
    public required string CommandLine { get; init; }

    /// <summary>Reads <c>--cold-starts N --warm N --repo DIR --artifacts DIR --report FILE --label TEXT --no-report --no-publish</c>.</summary>
    public static BenchmarkOptions Parse(IReadOnlyList<string> args, string workingDirectory)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--no-report" or "--no-publish")
                flags.Add(args[i]);
            else if (args[i] is "--cold-starts" or "--warm" or "--repo" or "--artifacts" or "--report" or "--label" && i + 1 < args.Count)
                values[args[i]] = args[++i];
            else
                throw new ArgumentException($"unknown or incomplete option '{args[i]}'; options: --cold-starts N, --warm N, --repo DIR, --artifacts DIR, --report FILE, --label TEXT, --no-report, --no-publish");
        }

        var root = Path.GetFullPath(values.GetValueOrDefault("--repo") ?? FindRepoRoot(workingDirectory));
        var options = new BenchmarkOptions
        {
            ColdStarts = PositiveInt(values, "--cold-starts", 10),
            WarmInvocations = PositiveInt(values, "--warm", 100),
            RepoRoot = root,
            ArtifactsDir = Path.GetFullPath(values.GetValueOrDefault("--artifacts") ?? Path.Combine(root, "artifacts", "benchmarks")),
            ReportPath = flags.Contains("--no-report") ? null : Path.GetFullPath(values.GetValueOrDefault("--report") ?? Path.Combine(root, "docs", "benchmarks.md")),
            SkipPublish = flags.Contains("--no-publish"),
            Label = values.GetValueOrDefault("--label"),
            CommandLine = string.Join(' ', args.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a)),
        };
        if (!File.Exists(Path.Combine(root, "Makefile")))
            throw new ArgumentException($"--repo {root} has no Makefile: the AOT bootstrap is built as sam build builds it (make build-<LogicalId>)");
        return options;
    }

    private static int PositiveInt(Dictionary<string, string> values, string name, int fallback) =>
        !values.TryGetValue(name, out var text) ? fallback
        : int.TryParse(text, out var value) && value > 0 ? value
        : throw new ArgumentException($"{name} must be a positive integer, got '{text}'");

    private static string FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PcsAutomation.sln")))
                return dir.FullName;
        }
        throw new ArgumentException($"no PcsAutomation.sln above {start}; pass --repo DIR");
    }
}
