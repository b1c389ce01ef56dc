using PcsAutomation.Domain.JobProtection;

namespace PcsAutomation.Benchmarks.Jobs;

/// <summary>The command line: <c>dotnet run -c Release --project benchmarks/Jobs [-- options]</c>.</summary>
internal sealed record JobsOptions
{
    public const string Usage = """
        Options:
          --jobs N              JobMix's jobs (default 200), submitted over its first 24 hours
          --seed N              JobMix's seed (default 1): same seed, same jobs
          --timeout D           the wait's bound, tag pcs-automation:job-policy-timeout (5m..24h; default: the tag's default, 1h)
          --on-timeout A        proceed or abort, tag pcs-automation:job-policy-on-timeout (default proceed, so every policy rotates)
          --repo DIR            repository root holding template.yaml (default: found upward from the current directory)
          --report FILE         Markdown file whose "Jobs and the rotation" section is written (default <repo>/docs/benchmarks.md)
          --no-report           print only
        """;

    public int Jobs { get; init; } = 200;
    public int Seed { get; init; } = 1;

    /// <summary>The tag's value as given (null: the tag is not set, the policy's default applies).</summary>
    public string? Timeout { get; init; }
    public string OnTimeout { get; init; } = "proceed";
    public required string RepoRoot { get; init; }
    public string? ReportPath { get; init; }

    /// <summary>The arguments as given, for the command line written into the report.</summary>
    public string CommandLine { get; init; } = "";

    public string TemplatePath => Path.Combine(RepoRoot, "template.yaml");

    public static JobsOptions Parse(IReadOnlyList<string> args, string currentDirectory)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--no-report") flags.Add(arg);
            else if (arg is "--jobs" or "--seed" or "--timeout" or "--on-timeout" or "--repo" or "--report" && i + 1 < args.Count)
                values[arg] = args[++i];
            else throw new ArgumentException($"Unknown or incomplete option '{arg}'.\n{Usage}");
        }

        var root = values.TryGetValue("--repo", out var repo) ? Path.GetFullPath(repo) : BenchmarkArguments.FindRepo(currentDirectory);
        if (!File.Exists(Path.Combine(root, "template.yaml"))) throw new ArgumentException($"No template.yaml in {root}.");
        var onTimeout = values.GetValueOrDefault("--on-timeout") ?? "proceed";
        if (onTimeout is not ("proceed" or "abort")) throw new ArgumentException($"--on-timeout must be proceed or abort, got '{onTimeout}'.");
        var timeout = values.GetValueOrDefault("--timeout");
        if (timeout is not null)
        {
            // Read as the product reads the tag (JobPolicyTags): a value it would not use as written is refused here, clearly.
            var (_, problem) = JobWaitTimeout.Read(timeout);
            if (problem is not null) throw new ArgumentException($"--timeout: {problem}.");
        }
        return new JobsOptions
        {
            Jobs = BenchmarkArguments.Count(values, "--jobs", 200, 1, 2000),
            Seed = BenchmarkArguments.Count(values, "--seed", 1, 0, int.MaxValue),
            Timeout = timeout,
            OnTimeout = onTimeout,
            RepoRoot = root,
            ReportPath = flags.Contains("--no-report") ? null : Path.GetFullPath(values.GetValueOrDefault("--report") ?? Path.Combine(root, "docs", "benchmarks.md")),
            CommandLine = string.Join(' ', args),
        };
    }
}
