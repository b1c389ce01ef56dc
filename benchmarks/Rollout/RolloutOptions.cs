namespace PcsAutomation.Benchmarks.Rollout;

/// <summary>The command line: <c>dotnet run -c Release --project benchmarks/Rollout [-- options]</c>.</summary>
internal sealed record RolloutOptions
{
    public const string Usage = """
        Options:
          --clusters N          managed clusters rolled out at once, one execution each (default 20)
          --groups N            node groups per cluster, the login group included (default 10, PCS's maximum, guide L10921)
          --batch-size N        the roll-out's batchSize: groups updating at once after the canary (default 3)
          --no-rate-limit       no PCS or EC2 request-rate limit (the run then shows the critical path alone)
          --billed-ms N         assumed billed duration of one warm Lambda invocation, ms (default 50)
          --init-ms N           assumed billed INIT duration of one cold start, ms (default 100)
          --repo DIR            repository root holding template.yaml (default: found upward from the current directory)
          --report FILE         Markdown file whose "Fleet roll-out" section is written (default <repo>/docs/benchmarks.md)
          --no-report           print only
        """;

    public int Clusters { get; init; } = 20;
    public int Groups { get; init; } = 10;
    public int BatchSize { get; init; } = 3;
    public bool RateLimited { get; init; } = true;
    public double BilledMilliseconds { get; init; } = 50;
    public double InitMilliseconds { get; init; } = 100;
    public required string RepoRoot { get; init; }
    public string? ReportPath { get; init; }

    /// <summary>The arguments as given, for the command line written into the report.</summary>
    public string CommandLine { get; init; } = "";

    public string TemplatePath => Path.Combine(RepoRoot, "template.yaml");

    public static RolloutOptions Parse(IReadOnlyList<string> args, string currentDirectory)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--no-report" or "--no-rate-limit") flags.Add(arg);
            else if (arg is "--clusters" or "--groups" or "--batch-size" or "--billed-ms" or "--init-ms" or "--repo" or "--report" && i + 1 < args.Count)
                values[arg] = args[++i];
            else throw new ArgumentException($"Unknown or incomplete option '{arg}'.\n{Usage}");
        }

        var root = values.TryGetValue("--repo", out var repo) ? Path.GetFullPath(repo) : BenchmarkArguments.FindRepo(currentDirectory);
        if (!File.Exists(Path.Combine(root, "template.yaml"))) throw new ArgumentException($"No template.yaml in {root}.");
        return new RolloutOptions
        {
            Clusters = BenchmarkArguments.Count(values, "--clusters", 20, 1, 100),
            // PCS allows 10 node groups per cluster (guide L10921); 2 is the least with a canary and one more group.
            Groups = BenchmarkArguments.Count(values, "--groups", 10, 2, 10),
            BatchSize = BenchmarkArguments.Count(values, "--batch-size", 3, 1, 10),
            RateLimited = !flags.Contains("--no-rate-limit"),
            BilledMilliseconds = BenchmarkArguments.Number(values, "--billed-ms", 50),
            InitMilliseconds = BenchmarkArguments.Number(values, "--init-ms", 100),
            RepoRoot = root,
            ReportPath = flags.Contains("--no-report") ? null : Path.GetFullPath(values.GetValueOrDefault("--report") ?? Path.Combine(root, "docs", "benchmarks.md")),
            CommandLine = string.Join(' ', args),
        };
    }
}
