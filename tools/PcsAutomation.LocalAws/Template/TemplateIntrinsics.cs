using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.Template;

/// <summary>
/// Resolves the intrinsics a SAM template's properties commonly hold (<c>Ref</c>, <c>Fn::GetAtt</c>, <c>Fn::Sub</c>,
/// <c>Fn::Join</c>) against the template's parameters (defaults or overrides), the pseudo parameters and its resources,
/// with the values CloudFormation documents for each resource type ("Return values" of each resource's reference page):
/// <c>Ref</c> of a function is its name, of a state machine its ARN, of a table its name, of a topic its ARN, of an event
/// bus its name; <c>GetAtt X.Arn</c> is the ARN, <c>GetAtt StateMachine.Name</c> / <c>Topic.TopicName</c> the name.
/// Anything else is kept as written, so a caller can tell an unresolved value from a string.
/// </summary>
internal sealed class TemplateIntrinsics(JsonObject resources, IReadOnlyDictionary<string, string> parameters, string region, string accountId)
{
    public JsonNode? Resolve(JsonNode? node) => node switch
    {
        JsonObject { Count: 1 } o when o.ContainsKey("Ref") => AsString(o["Ref"]) is { } name ? Ref(name) ?? node.DeepClone() : node.DeepClone(),
        JsonObject { Count: 1 } o when o["Fn::GetAtt"] is JsonArray { Count: 2 } a && AsString(a[0]) is { } id && AsString(a[1]) is { } attribute
            => GetAtt(id, attribute) is { } value ? JsonValue.Create(value) : node.DeepClone(),
        JsonObject { Count: 1 } o when o.ContainsKey("Fn::Sub") => Sub(o["Fn::Sub"]) is { } text ? JsonValue.Create(text) : node.DeepClone(),
        JsonObject { Count: 1 } o when o["Fn::Join"] is JsonArray { Count: 2 } j => Join(j) is { } joined ? JsonValue.Create(joined) : node.DeepClone(),
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Resolve(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Resolve).ToArray()),
        _ => node?.DeepClone(),
    };

    public string? ResolveString(JsonNode? node) => Scalar(Resolve(node));

    /// <summary>The ARN of a function, state machine, table or topic resource, named like the deployed one would be when it has an explicit name.</summary>
    public string? ArnOf(string logicalId)
    {
        var properties = resources[logicalId]?["Properties"] as JsonObject;
        return TypeOf(logicalId) switch
        {
            "AWS::Serverless::Function" or "AWS::Lambda::Function" =>
                $"arn:aws:lambda:{region}:{accountId}:function:{ResolveString(properties?["FunctionName"]) ?? logicalId}",
            "AWS::Serverless::StateMachine" or "AWS::StepFunctions::StateMachine" =>
                $"arn:aws:states:{region}:{accountId}:stateMachine:{ResolveString(properties?["Name"]) ?? ResolveString(properties?["StateMachineName"]) ?? logicalId}",
            "AWS::DynamoDB::Table" or "AWS::Serverless::SimpleTable" => $"arn:aws:dynamodb:{region}:{accountId}:table/{TableName(logicalId)}",
            "AWS::SNS::Topic" => $"arn:aws:sns:{region}:{accountId}:{TopicName(logicalId)}",
            "AWS::Events::EventBus" => $"arn:aws:events:{region}:{accountId}:event-bus/{ResolveString(properties?["Name"]) ?? logicalId}",
            _ => null,
        };
    }

    /// <summary>A table's <c>TableName</c>, else its logical id (the emulator's stand-in for CloudFormation's generated name).</summary>
    public string TableName(string logicalId) => ResolveString(resources[logicalId]?["Properties"]?["TableName"]) ?? logicalId;

    /// <summary>A topic's <c>TopicName</c>, else its logical id.</summary>
    public string TopicName(string logicalId) => ResolveString(resources[logicalId]?["Properties"]?["TopicName"]) ?? logicalId;

    public string? TypeOf(string logicalId) => AsString(resources[logicalId]?["Type"]);

    // Parameter overrides may also set pseudo parameters such as AWS::StackName.
    private string? Ref(string name) => name switch
    {
        _ when parameters.TryGetValue(name, out var value) => value,
        "AWS::Region" => region,
        "AWS::AccountId" => accountId,
        "AWS::Partition" => "aws",
        "AWS::StackName" => "local",
        "AWS::StackId" => $"arn:aws:cloudformation:{region}:{accountId}:stack/{Ref("AWS::StackName")}/00000000-0000-0000-0000-000000000000",
        "AWS::URLSuffix" => "amazonaws.com",
        "AWS::NoValue" => null,
        _ => TypeOf(name) switch
        {
            "AWS::Events::EventBus" => ResolveString(resources[name]?["Properties"]?["Name"]) ?? name,
            "AWS::Serverless::StateMachine" or "AWS::StepFunctions::StateMachine" or "AWS::SNS::Topic" => ArnOf(name),
            "AWS::DynamoDB::Table" or "AWS::Serverless::SimpleTable" => TableName(name),
            "AWS::Serverless::Function" or "AWS::Lambda::Function" => ArnOf(name) is { } arn ? arn[(arn.LastIndexOf(':') + 1)..] : null,
            _ => null,
        },
    };

    private string? GetAtt(string logicalId, string attribute) => (TypeOf(logicalId), attribute) switch
    {
        (_, "Arn") => ArnOf(logicalId),
        ("AWS::Serverless::StateMachine" or "AWS::StepFunctions::StateMachine", "Name") => ArnOf(logicalId) is { } arn ? arn[(arn.LastIndexOf(':') + 1)..] : null,
        ("AWS::SNS::Topic", "TopicName") => TopicName(logicalId),
        ("AWS::SNS::Topic", "TopicArn") => ArnOf(logicalId),
        ("AWS::Events::EventBus", "Name") => Ref(logicalId),
        _ => null,
    };

    private string? Join(JsonArray arguments)
    {
        var separator = AsString(arguments[0]) ?? "";
        if (Resolve(arguments[1]) is not JsonArray parts)
            return null;
        var values = parts.Select(Scalar).ToList();
        return values.Any(v => v is null) ? null : string.Join(separator, values);
    }

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
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            var value = name.StartsWith('!') ? "${" + name[1..] + "}"
                : variables?[name] is { } v ? ResolveString(v)
                : dot > 0 && !name.StartsWith("AWS::", StringComparison.Ordinal) ? GetAtt(name[..dot], name[(dot + 1)..])
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

    /// <summary>A string, or a number or boolean as CloudFormation turns it into a string; null for objects and arrays.</summary>
    public static string? Scalar(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.Number => v.ToJsonString(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValueKind() == JsonValueKind.True ? "true" : "false",
        _ => null,
    };
}
