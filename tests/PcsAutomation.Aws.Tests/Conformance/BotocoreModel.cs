using System.Text.Json.Nodes;

namespace PcsAutomation.Aws.Tests.Conformance;

/// <summary>One botocore service model read from ../shared/reference/botocore at test time (never copied into the repo).</summary>
public sealed class BotocoreModel
{
    private static readonly Dictionary<string, BotocoreModel> Cache = [];

    private readonly JsonObject root;

    private BotocoreModel(JsonObject root) => this.root = root;

    public static BotocoreModel Load(string name)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out var model))
            {
                var path = Path.Combine(ReferenceDirectory(), $"{name}.service-2.json");
                model = new BotocoreModel(JsonNode.Parse(File.ReadAllText(path))!.AsObject());
                Cache[name] = model;
            }
            return model;
        }
    }

    public static JsonObject LoadPaginators(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(ReferenceDirectory(), $"{name}.paginators-1.json")))!["pagination"]!.AsObject();

    public string Metadata(string key) => MetadataOrNull(key) ?? throw new KeyNotFoundException($"metadata.{key}");

    public string? MetadataOrNull(string key) => (string?)root["metadata"]![key];

    public IEnumerable<string> OperationNames => root["operations"]!.AsObject().Select(op => op.Key);

    public JsonObject? Operation(string name) => root["operations"]!.AsObject()[name]?.AsObject();

    public string? InputShape(string operation) => (string?)Operation(operation)!["input"]?["shape"];

    public string? OutputShape(string operation) => (string?)Operation(operation)!["output"]?["shape"];

    public IEnumerable<string> Errors(string operation) =>
        Operation(operation)!["errors"]?.AsArray().Select(e => (string)e!["shape"]!) ?? [];

    public JsonObject Shape(string name) => root["shapes"]![name]!.AsObject();

    public IEnumerable<(string Name, JsonObject Shape)> Shapes =>
        root["shapes"]!.AsObject().Select(s => (s.Key, s.Value!.AsObject()));

    public static IReadOnlyDictionary<string, string> Members(JsonObject shape) =>
        shape["members"]?.AsObject().ToDictionary(m => m.Key, m => (string)m.Value!["shape"]!) ?? [];

    public static IReadOnlySet<string> Required(JsonObject shape) =>
        shape["required"]?.AsArray().Select(r => (string)r!).ToHashSet() ?? [];

    /// <summary>The repo root holds PcsAutomation.sln; its parent holds shared/ (a symlink in worktrees).</summary>
    private static string ReferenceDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PcsAutomation.sln")))
            directory = directory.Parent;
        if (directory is null)
            throw new InvalidOperationException($"PcsAutomation.sln not found above {AppContext.BaseDirectory}");
        return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "reference", "botocore"));
    }
}
