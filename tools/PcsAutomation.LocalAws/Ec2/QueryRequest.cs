using System.Globalization;
using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.Ec2;

/// <summary>
/// The flat parameters of an EC2 query request (<c>Owner.1=amazon</c>, <c>Filter.1.Name=name</c>,
/// <c>Filter.1.Value.1=...</c>), as a JSON object of strings: lists are numbered from 1, structures are dotted.
/// </summary>
public sealed class QueryRequest(JsonObject parameters)
{
    public JsonObject Parameters { get; } = parameters;

    public string? Text(string name) =>
        Parameters.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    public string Required(string name) => Text(name) ?? throw Ec2Errors.MissingParameter(name);

    public bool Bool(string name) => string.Equals(Text(name), "true", StringComparison.OrdinalIgnoreCase);

    public int? Number(string name, int min, int max)
    {
        if (Text(name) is not { } text) return null;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw Ec2Errors.InvalidParameterValue($"Value ( {Ec2Errors.Clip(text)} ) for parameter {name} is invalid. Expecting a value between {min} and {max}.");
        return value;
    }

    /// <summary>The numbers N present as <c>prefix.N</c> or <c>prefix.N.*</c>, in order.</summary>
    public IReadOnlyList<int> Indexes(string prefix)
    {
        var head = prefix + ".";
        return Parameters.Select(p => p.Key)
            .Where(k => k.StartsWith(head, StringComparison.Ordinal))
            .Select(k => k[head.Length..].Split('.')[0])
            .Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1)
            .Where(i => i > 0).Distinct().Order().ToList();
    }

    /// <summary>The values of the list <c>prefix.1</c>, <c>prefix.2</c>, ...</summary>
    public IReadOnlyList<string> List(string prefix) =>
        Indexes(prefix).Select(i => Text($"{prefix}.{i}")).OfType<string>().ToList();

    public IReadOnlyList<Ec2Filter> Filters() =>
        Indexes("Filter").Select(i => new Ec2Filter(
            Text($"Filter.{i}.Name") ?? throw Ec2Errors.InvalidParameterValue($"The filter 'null' is invalid"),
            List($"Filter.{i}.Value"))).ToList();

    /// <summary>Tags of <c>prefix.N.Key</c> / <c>prefix.N.Value</c>.</summary>
    public Dictionary<string, string> Tags(string prefix) =>
        Indexes(prefix).Where(i => Text($"{prefix}.{i}.Key") is not null)
            .ToDictionary(i => Text($"{prefix}.{i}.Key")!, i => Text($"{prefix}.{i}.Value") ?? "", StringComparer.Ordinal);
}
