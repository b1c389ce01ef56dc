using System.Text.Json.Nodes;

namespace PcsAutomation.Template.Tests.Template;

/// <summary>A name the template builds from the stack name: where, its text around the stack name, and its AWS limit.</summary>
public sealed record StackNamedName(string Where, string Text, int? MaxLength)
{
    /// <summary>The characters it adds to the stack name.</summary>
    public int Fixed => Text.Replace(StackNameLimit.StackName, "", StringComparison.Ordinal).Length;
}

/// <summary>
/// Which names template.yaml builds from <c>${AWS::StackName}</c> (every <c>Fn::Sub</c> under Resources and Outputs),
/// each one's AWS length limit, and so the longest stack name the template can be deployed under. A name whose limit
/// is not in <see cref="Limits"/> is an error naming it: a new stack-named resource must bring its limit.
/// </summary>
public static class StackNameLimit
{
    public const string StackName = "${AWS::StackName}";

    /// <summary>A stack name is [A-Za-z][A-Za-z0-9-]{0,127} (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CfnStackDetail.html, Name).</summary>
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

    /// <summary>Every stack-named name of <paramref name="template"/>; ARN patterns in policies (<c>Resource</c>) name nothing and are skipped.</summary>
    public static IReadOnlyList<StackNamedName> Names(JsonNode template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var names = new List<StackNamedName>();
        foreach (var (id, resource) in template["Resources"]?.AsObject() ?? [])
        {
            var type = (string?)resource?["Type"] ?? "";
            foreach (var (path, text) in Subs(resource?["Properties"], ""))
                if (!path.EndsWith("Resource", StringComparison.Ordinal) && !path.Contains("Resource/", StringComparison.Ordinal))
                    names.Add(Named($"{id} ({type}) {path}", type, path, text));
        }

        foreach (var (id, output) in template["Outputs"]?.AsObject() ?? [])
            foreach (var (path, text) in Subs(output, ""))
                names.Add(Named($"Outputs.{id} {path}", "Output", path, text));
        return names;
    }

    /// <summary>The longest stack name every name fits with: the smallest of limit − fixed characters, and CloudFormation's own limit.</summary>
    public static int MaxStackName(IEnumerable<StackNamedName> names) =>
        names.Where(n => n.MaxLength is not null).Select(n => n.MaxLength!.Value - n.Fixed).Append(CloudFormationMax).Min();

    private static StackNamedName Named(string where, string type, string path, string text)
    {
        if (!Limits.TryGetValue((type, path), out var max))
            throw new InvalidOperationException($"{where} is built from the stack name ('{text}'): add the AWS length limit of {type} {path} to StackNameLimit.Limits, with its source.");
        if (text.Replace(StackName, "", StringComparison.Ordinal).Contains("${", StringComparison.Ordinal))
            throw new InvalidOperationException($"{where} ('{text}') has another variable besides the stack name: its length is not fixed.");
        return new StackNamedName(where, text, max);
    }

    /// <summary>(property path, Fn::Sub string) for every Fn::Sub that uses the stack name under <paramref name="node"/>.</summary>
    private static IEnumerable<(string Path, string Text)> Subs(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject o when o.Count == 1 && o["Fn::Sub"] is { } sub:
                var text = sub is JsonArray list ? (string?)list[0] : (string?)sub;
                if (text is not null && text.Contains(StackName, StringComparison.Ordinal)) yield return (path, text);
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
}
