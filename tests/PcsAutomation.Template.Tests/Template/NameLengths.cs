using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PcsAutomation.Template.Tests.Template;

/// <summary>
/// A name the template builds with <c>Fn::Sub</c> from the stack name or a parameter: where, its text, its AWS limit,
/// and its longest length, every variable at its longest (the stack name at 128, a parameter at its MaxLength).
/// </summary>
public sealed record BuiltName(string Where, string Text, int? MaxLength, int Longest)
{
    public bool Fits => MaxLength is not { } max || Longest <= max;
}

/// <summary>
/// The names template.yaml builds from <c>${AWS::StackName}</c> or a parameter (every <c>Fn::Sub</c> under Resources and
/// Outputs but policies), each one's AWS length limit, and whether it fits for every stack name
/// CloudFormation accepts and every value the parameters allow. A name whose limit is not in <see cref="Limits"/>, or
/// built from a parameter without MaxLength, is an error naming it: a new built name must bring its limit.
/// </summary>
public static partial class NameLengths
{
    public const string StackName = "AWS::StackName";

    /// <summary>
    /// A stack name: letters, digits and hyphens, a letter first, at most 128 characters (CreateStack, StackName:
    /// https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStack.html).
    /// </summary>
    public const int CloudFormationMax = 128;

    /// <summary>(resource type, property) → its AWS limit; null: no documented limit.</summary>
    public static readonly IReadOnlyDictionary<(string Type, string Property), int?> Limits = new Dictionary<(string, string), int?>
    {
        // CreateStateMachine name: 1..80 (../shared/reference/botocore/stepfunctions.service-2.json, shape "Name")
        [("AWS::Serverless::StateMachine", "Name")] = 80,
        [("AWS::StepFunctions::StateMachine", "StateMachineName")] = 80,
        // "Log group names can be between 1 and 512 characters long"
        // (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html)
        [("AWS::Logs::LogGroup", "LogGroupName")] = 512,
        // Export.Name: no length constraint in the API reference (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_Export.html)
        [("Output", "Export/Name")] = null,
    };

    /// <summary>Every built name of <paramref name="template"/>.</summary>
    public static IReadOnlyList<BuiltName> Names(JsonNode template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var names = new List<BuiltName>();
        foreach (var (id, resource) in template["Resources"]?.AsObject() ?? [])
        {
            var type = (string?)resource?["Type"] ?? "";
            foreach (var (path, text) in Subs(resource?["Properties"], ""))
                if (!IsPolicy(path))
                    names.Add(Built(template, $"{id} ({type}) {path}", type, path, text));
        }

        foreach (var (id, output) in template["Outputs"]?.AsObject() ?? [])
            foreach (var (path, text) in Subs(output, ""))
                names.Add(Built(template, $"Outputs.{id} {path}", "Output", path, text));
        return names;
    }

    /// <summary>Policies (ARN patterns in a <c>Resource</c>, a policy document built as a whole) name nothing.</summary>
    private static bool IsPolicy(string path) =>
        path.EndsWith("Resource", StringComparison.Ordinal) || path.Contains("Resource/", StringComparison.Ordinal)
        || path.Contains("PolicyDocument", StringComparison.Ordinal) || path.StartsWith("Policies", StringComparison.Ordinal);

    /// <summary>The longest a parameter may be (its MaxLength), or CloudFormation's limit for the stack name.</summary>
    public static int LongestValue(JsonNode template, string variable) =>
        variable == StackName ? CloudFormationMax
        : template["Parameters"]?[variable]?["MaxLength"] is JsonValue max ? (int)(long)max
        : throw new InvalidOperationException($"parameter {variable} builds a name but has no MaxLength: give it the length its names allow");

    private static BuiltName Built(JsonNode template, string where, string type, string path, string text)
    {
        if (!Limits.TryGetValue((type, path), out var max))
            throw new InvalidOperationException($"{where} is built from '{text}': add the AWS length limit of {type} {path} to NameLengths.Limits, with its source.");
        if (Variable().Matches(text).Select(m => m.Groups[1].Value).FirstOrDefault(v => v != StackName && v.StartsWith("AWS::", StringComparison.Ordinal)) is { } other)
            throw new InvalidOperationException($"{where} ('{text}') is built from ${{{other}}} too: its length is not known here.");
        var variables = Variables(text).ToList();
        var fixedLength = Variable().Replace(text, "").Length;
        return new BuiltName(where, text, max, fixedLength + variables.Sum(v => LongestValue(template, v)));
    }

    /// <summary>The variables of an Fn::Sub string that are the stack name or a parameter (pseudo parameters such as the Region are not names' parts here).</summary>
    private static IEnumerable<string> Variables(string text) =>
        Variable().Matches(text).Select(m => m.Groups[1].Value).Where(v => v == StackName || !v.StartsWith("AWS::", StringComparison.Ordinal));

    /// <summary>(property path, Fn::Sub string) for every Fn::Sub with a stack name or parameter variable under <paramref name="node"/>.</summary>
    private static IEnumerable<(string Path, string Text)> Subs(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject o when o.Count == 1 && o["Fn::Sub"] is { } sub:
                var text = sub is JsonArray list ? (string?)list[0] : (string?)sub;
                if (text is not null && Variables(text).Any()) yield return (path, text);
                break;
            case JsonObject o:
                foreach (var (key, child) in o)
                    foreach (var found in Subs(child, path.Length == 0 ? key : $"{path}/{key}")) yield return found;
                break;
            case JsonArray a:
                foreach (var child in a)
                    foreach (var found in Subs(child, path)) yield return found;
                break;
        }
    }

    [GeneratedRegex(@"\$\{([A-Za-z0-9:]+)\}")]
    private static partial Regex Variable();
}
