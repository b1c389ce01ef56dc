using System.Globalization;

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

        var root = values.TryGetValue("--repo", out var repo) ? Path.GetFullPath(repo) : FindRepo(currentDirectory);
        if (!File.Exists(Path.Combine(root, "template.yaml"))) throw new ArgumentException($"No template.yaml in {root}.");
        return new RolloutOptions
        {
            Clusters = Count(values, "--clusters", 20, 1, 100),
            // PCS allows 10 node groups per cluster (guide L10921); 2 is the least with a canary and one more group.
            Groups = Count(values, "--groups", 10, 2, 10),
            BatchSize = Count(values, "--batch-size", 3, 1, 10),
            RateLimited = !flags.Contains("--no-rate-limit"),
            BilledMilliseconds = Number(values, "--billed-ms", 50),
            InitMilliseconds = Number(values, "--init-ms", 100),
            RepoRoot = root,
            ReportPath = flags.Contains("--no-report") ? null : Path.GetFullPath(values.GetValueOrDefault("--report") ?? Path.Combine(root, "docs", "benchmarks.md")),
            CommandLine = string.Join(' ', args),
        };
    }

    private static int Count(Dictionary<string, string> values, string name, int fallback, int min, int max)
    {
        if (!values.TryGetValue(name, out var text)) return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new ArgumentException($"{name} must be a whole number from {min} to {max}, got '{text}'.");
        return value;
    }

    private static double Number(Dictionary<string, string> values, string name, double fallback)
    {
        if (!values.TryGetValue(name, out var text)) return fallback;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || double.IsInfinity(value))
            throw new ArgumentException($"{name} must be a number ≥ 0, got '{text}'.");
        return value;
    }

    /// <summary>The directory holding PcsAutomation.sln, from <paramref name="start"/> upward.</summary>
    private static string FindRepo(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PcsAutomation.sln"))) return dir.FullName;
        throw new ArgumentException($"No PcsAutomation.sln in {start} or above: pass --repo <repository root>.");
    }
}
