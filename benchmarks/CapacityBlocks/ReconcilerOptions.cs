namespace PcsAutomation.Benchmarks.CapacityBlocks;

/// <summary>The command line: <c>dotnet run -c Release --project benchmarks/CapacityBlocks [-- options]</c>.</summary>
internal sealed record ReconcilerOptions
{
    public const string Usage = """
        Options:
          --clusters N          managed clusters (default 50)
          --groups N            node groups per cluster: 2 on Capacity Blocks, the rest On-Demand (default 10, PCS's maximum)
          --blocks N            Capacity Blocks the Capacity Block groups share, ending 2 h from the start, 1 h apart (default 20)
          --runs N              scheduled runs measured, 15 minutes apart: the first starts every expiry, the others find them (default 4, at most 5: EC2's first warning comes at 1 h 20 min)
          --no-rate-limit       no PCS or EC2 request-rate limit
          --call-ms N           assumed duration of one AWS API call from Lambda, ms, for the billed duration (default 25)
          --init-ms N           assumed billed INIT duration of the cold start, ms (default 100)
          --repo DIR            repository root holding template.yaml (default: found upward from the current directory)
          --report FILE         Markdown file whose "Capacity Block reconciler" section is written (default <repo>/docs/benchmarks.md)
          --no-report           print only
        """;

    public int Clusters { get; init; } = 50;
    public int Groups { get; init; } = 10;
    public int Blocks { get; init; } = 20;
    public int Runs { get; init; } = 4;
    public bool RateLimited { get; init; } = true;
    public double CallMilliseconds { get; init; } = 25;
    public double InitMilliseconds { get; init; } = 100;
    public required string RepoRoot { get; init; }
    public string? ReportPath { get; init; }

    /// <summary>The arguments as given, for the command line written into the report.</summary>
    public string CommandLine { get; init; } = "";

    public string TemplatePath => Path.Combine(RepoRoot, "template.yaml");

    public static ReconcilerOptions Parse(IReadOnlyList<string> args, string currentDirectory)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--no-report" or "--no-rate-limit") flags.Add(arg);
            else if (arg is "--clusters" or "--groups" or "--blocks" or "--runs" or "--call-ms" or "--init-ms" or "--repo" or "--report" && i + 1 < args.Count)
                values[arg] = args[++i];
            else throw new ArgumentException($"Unknown or incomplete option '{arg}'.\n{Usage}");
        }

        var root = values.TryGetValue("--repo", out var repo) ? Path.GetFullPath(repo) : BenchmarkArguments.FindRepo(currentDirectory);
        if (!File.Exists(Path.Combine(root, "template.yaml"))) throw new ArgumentException($"No template.yaml in {root}.");
        return new ReconcilerOptions
        {
            Clusters = BenchmarkArguments.Count(values, "--clusters", 50, 1, 100),
            // PCS allows 10 node groups per cluster (guide L10921); the fleet has 2 Capacity Block groups in each.
            Groups = BenchmarkArguments.Count(values, "--groups", 10, 2, 10),
            Blocks = BenchmarkArguments.Count(values, "--blocks", 20, 1, 100),
            // the first run and at least one that finds every execution started
            Runs = BenchmarkArguments.Count(values, "--runs", 4, 2, 5),
            RateLimited = !flags.Contains("--no-rate-limit"),
            CallMilliseconds = BenchmarkArguments.Number(values, "--call-ms", 25),
            InitMilliseconds = BenchmarkArguments.Number(values, "--init-ms", 100),
            RepoRoot = root,
            ReportPath = flags.Contains("--no-report") ? null : Path.GetFullPath(values.GetValueOrDefault("--report") ?? Path.Combine(root, "docs", "benchmarks.md")),
            CommandLine = string.Join(' ', args),
        };
    }
}
