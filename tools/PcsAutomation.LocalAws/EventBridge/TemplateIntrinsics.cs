using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.EventBridge;

/// <summary>
/// Resolves the intrinsics a rule definition commonly holds (<c>Ref</c>, <c>Fn::GetAtt .Arn</c>, <c>Fn::Sub</c>)
/// against the template's parameters (defaults or overrides), pseudo parameters and resources; anything else is kept.
/// </summary>
internal sealed class TemplateIntrinsics(JsonObject resources, IReadOnlyDictionary<string, string> parameters, string region, string accountId)
{
    public JsonNode? Resolve(JsonNode? node) => node switch
    {
        JsonObject { Count: 1 } o when o.ContainsKey("Ref") => AsString(o["Ref"]) is { } name ? Ref(name) ?? node.DeepClone() : node.DeepClone(),
        JsonObject { Count: 1 } o when o["Fn::GetAtt"] is JsonArray { Count: 2 } a && AsString(a[1]) == "Arn" && AsString(a[0]) is { } id
            => ArnOf(id) is { } arn ? JsonValue.Create(arn) : node.DeepClone(),
        JsonObject { Count: 1 } o when o.ContainsKey("Fn::Sub") => Sub(o["Fn::Sub"]) is { } text ? JsonValue.Create(text) : node.DeepClone(),
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Resolve(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Resolve).ToArray()),
        _ => node?.DeepClone(),
    };

    public string? ResolveString(JsonNode? node) => AsString(Resolve(node));

    /// <summary>The ARN of a function or state machine resource, named like the deployed one would be when it has an explicit name.</summary>
    public string? ArnOf(string logicalId)
    {
        var resource = resources[logicalId] as JsonObject;
        var properties = resource?["Properties"] as JsonObject;
        return AsString(resource?["Type"]) switch
        {
            "AWS::Serverless::Function" or "AWS::Lambda::Function" =>
                $"arn:aws:lambda:{region}:{accountId}:function:{ResolveString(properties?["FunctionName"]) ?? logicalId}",
            "AWS::Serverless::StateMachine" or "AWS::StepFunctions::StateMachine" =>
                $"arn:aws:states:{region}:{accountId}:stateMachine:{ResolveString(properties?["Name"]) ?? ResolveString(properties?["StateMachineName"]) ?? logicalId}",
            _ => null,
        };
    }

    // Parameter overrides may also set pseudo parameters such as AWS::StackName.
    private string? Ref(string name) => name switch
    {
        _ when parameters.TryGetValue(name, out var value) => value,
        "AWS::Region" => region,
        "AWS::AccountId" => accountId,
        "AWS::Partition" => "aws",
        "AWS::StackName" => "local",
        "AWS::URLSuffix" => "amazonaws.com",
        _ when AsString(resources[name]?["Type"]) == "AWS::Events::EventBus" => ResolveString(resources[name]?["Properties"]?["Name"]),
        // Ref of a state machine is its ARN; of a function, its name.
        _ when AsString(resources[name]?["Type"]) is "AWS::Serverless::StateMachine" or "AWS::StepFunctions::StateMachine" => ArnOf(name),
        _ when ArnOf(name) is { } arn => arn[(arn.LastIndexOf(':') + 1)..],
        _ => null,
    };

    private string? Sub(JsonNode? argument)
    {
        var (template, variables) = argument switch
        {
            JsonArray { Count: 2 } a => (AsString(a[0]), a[1] as JsonObject),
            _ => (AsString(argument), null),
        };
        if (template is null)
            return null;
        var output = new StringBuilder();
        var position = 0;
        while (template.IndexOf("${", position, StringComparison.Ordinal) is var start and >= 0)
        {
            var end = template.IndexOf('}', start);
            if (end < 0)
                break;
            output.Append(template, position, start - position);
            var name = template[(start + 2)..end];
            var value = name.StartsWith('!') ? "${" + name[1..] + "}"
                : variables?[name] is { } v ? ResolveString(v)
                : name.EndsWith(".Arn", StringComparison.Ordinal) ? ArnOf(name[..^4])
                : Ref(name);
            if (value is null)
                return null;
            output.Append(value);
            position = end + 1;
        }
        return output.Append(template, position, template.Length - position).ToString();
    }

    public static string? AsString(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
