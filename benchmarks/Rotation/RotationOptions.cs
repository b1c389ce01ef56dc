using System.Globalization;

namespace PcsAutomation.Benchmarks.Rotation;

/// <summary>The command line: <c>dotnet run -c Release --project benchmarks/Rotation [-- options]</c>.</summary>
internal sealed record RotationOptions
{
    public const string Usage = """
        Options:
          --billed-ms N         assumed billed duration of one warm Lambda invocation, ms (default 50)
          --init-ms N           assumed billed INIT duration of one cold start, ms (default 100); one per function used
          --scale-down-min N    minutes an instance takes to terminate once its group's max is 0 (default 10)
          --groups A,B          node group counts to run, login group included (default 1,10)
          --repo DIR            repository root holding template.yaml (default: found upward from the current directory)
          --report FILE         Markdown file whose "Rotation cost" section is written (default <repo>/docs/benchmarks.md)
          --no-report           print only
          --no-warmup           skip the unreported warm-up rotation (wall times then include first-call JIT)
        """;

    public double BilledMilliseconds { get; init; } = 50;
    public double InitMilliseconds { get; init; } = 100;
    public TimeSpan ScaleDown { get; init; } = TimeSpan.FromMinutes(10);
    public IReadOnlyList<int> GroupCounts { get; init; } = [1, 10];
    public required string RepoRoot { get; init; }
    public string? ReportPath { get; init; }
    public bool WarmUp { get; init; } = true;

    /// <summary>The arguments as given, for the command line written into the report.</summary>
    public string CommandLine { get; init; } = "";

    public string TemplatePath => Path.Combine(RepoRoot, "template.yaml");

    public static RotationOptions Parse(IReadOnlyList<string> args, string currentDirectory)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--no-report" or "--no-warmup") flags.Add(arg);
            else if (arg is "--billed-ms" or "--init-ms" or "--scale-down-min" or "--groups" or "--repo" or "--report" && i + 1 < args.Count)
                values[arg] = args[++i];
            else throw new ArgumentException($"Unknown or incomplete option '{arg}'.\n{Usage}");
        }

        var root = values.TryGetValue("--repo", out var repo) ? Path.GetFullPath(repo) : FindRepo(currentDirectory);
        if (!File.Exists(Path.Combine(root, "template.yaml"))) throw new ArgumentException($"No template.yaml in {root}.");
        var groups = values.TryGetValue("--groups", out var list)
            ? list.Split(',').Select(g => int.Parse(g, CultureInfo.InvariantCulture)).ToList()
            : [1, 10];
        if (groups.Any(g => g < 1)) throw new ArgumentException("--groups: every count must be at least 1 (the login group).");
        return new RotationOptions
        {
            BilledMilliseconds = Number(values, "--billed-ms", 50),
            InitMilliseconds = Number(values, "--init-ms", 100),
            ScaleDown = TimeSpan.FromMinutes(Number(values, "--scale-down-min", 10)),
            GroupCounts = groups,
            RepoRoot = root,
            ReportPath = flags.Contains("--no-report") ? null : Path.GetFullPath(values.GetValueOrDefault("--report") ?? Path.Combine(root, "docs", "benchmarks.md")),
            WarmUp = !flags.Contains("--no-warmup"),
            CommandLine = string.Join(' ', args),
        };
    }

    private static double Number(Dictionary<string, string> values, string name, double fallback)
    {
        if (!values.TryGetValue(name, out var text)) return fallback;
        var value = double.Parse(text, CultureInfo.InvariantCulture);
        if (value < 0 || double.IsNaN(value)) throw new ArgumentException($"{name} must be a number ≥ 0, got {text}.");
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
