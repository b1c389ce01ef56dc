using System.Text.Json.Nodes;

namespace PcsAutomation.Template.Tests.Iam;

/// <summary>One statement of an IAM policy the template gives a function or state machine role.</summary>
/// <param name="Owner">The logical id of the function or state machine whose role holds it.</param>
/// <param name="Actions">The statement's <c>Action</c>, always as a list.</param>
/// <param name="Resources">The statement's <c>Resource</c> as compact JSON, one per resource (intrinsics stay as written).</param>
public sealed record IamStatement(string Owner, string? Sid, IReadOnlyList<string> Actions, IReadOnlyList<string> Resources, JsonObject? Condition)
{
    /// <inheritdoc />
    public override string ToString() => $"{Owner}/{Sid ?? "(no Sid)"}: [{string.Join(", ", Actions)}] on [{string.Join(", ", Resources)}]";
}

/// <summary>
/// The inline policy statements of every <c>AWS::Serverless::Function</c> and <c>AWS::Serverless::StateMachine</c>
/// (<c>Policies: - Statement: [...]</c>). SAM policy templates and managed policy names are not statements and are skipped;
/// KMS key policies are resource policies, not role permissions, and are not read here.
/// </summary>
public static class IamStatements
{
    /// <summary>Every statement of every role the template defines through SAM <c>Policies</c>.</summary>
    public static IReadOnlyList<IamStatement> Read(JsonNode template)
    {
        var statements = new List<IamStatement>();
        foreach (var (logicalId, body) in template["Resources"]!.AsObject())
        {
            var type = (string?)body?["Type"];
            if (type is not ("AWS::Serverless::Function" or "AWS::Serverless::StateMachine"))
                continue;
            var policies = body!["Properties"]?["Policies"];
            IEnumerable<JsonNode?> documents = policies switch
            {
                JsonArray list => list,
                JsonObject single => [single],
                _ => [],
            };
            foreach (var document in documents.OfType<JsonObject>())
            {
                foreach (var statement in (document["Statement"] as JsonArray ?? []).OfType<JsonObject>())
                    statements.Add(new IamStatement(logicalId, (string?)statement["Sid"], List(statement["Action"]), Resources(statement["Resource"]), statement["Condition"] as JsonObject));
            }
        }
        return statements;
    }

    private static IReadOnlyList<string> List(JsonNode? node) => node switch
    {
        JsonArray array => [.. array.Select(n => (string?)n ?? "")],
        JsonValue value => [(string?)value ?? ""],
        _ => [],
    };

    private static IReadOnlyList<string> Resources(JsonNode? node) => node switch
    {
        JsonArray array => [.. array.Select(Text)],
        null => [],
        _ => [Text(node)],
    };

    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString() ?? "null";
}
