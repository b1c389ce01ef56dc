using System.Text.Json.Nodes;

namespace PcsAutomation.Template.Tests.Iam;

/// <summary>One statement of an IAM policy the template gives a function or state machine role.</summary>
/// <param name="Owner">The logical id of the function or state machine whose role holds it.</param>
/// <param name="Sid">The statement's <c>Sid</c>.</param>
/// <param name="Actions">The statement's <c>Action</c>, always as a list.</param>
/// <param name="Resources">
/// The statement's <c>Resource</c> as compact JSON, one per resource (intrinsics stay as written). A string of a
/// <c>Fn::Sub</c>'d JSON document that names a <c>${...}</c> variable reads as the <c>Fn::Sub</c> it is in effect.
/// </param>
/// <param name="Condition">The statement's <c>Condition</c>.</param>
/// <param name="Policy">The <c>AWS::IAM::ManagedPolicy</c> the statement comes from, or <see langword="null"/> when inline.</param>
public sealed record IamStatement(string Owner, string? Sid, IReadOnlyList<string> Actions, IReadOnlyList<string> Resources, JsonObject? Condition, string? Policy = null)
{
    /// <inheritdoc />
    public override string ToString() => $"{Owner}/{(Policy is null ? "" : Policy + "/")}{Sid ?? "(no Sid)"}: [{string.Join(", ", Actions)}] on [{string.Join(", ", Resources)}]";
}

/// <summary>
/// The policy statements of every <c>AWS::Serverless::Function</c> and <c>AWS::Serverless::StateMachine</c> role: inline
/// documents (<c>Policies: - Statement: [...]</c>) and the template's own managed policies they reference
/// (<c>Policies: - !Ref SomeManagedPolicy</c>), whose <c>PolicyDocument</c> is a map or a <c>Fn::Sub</c>'d JSON string.
/// SAM policy templates and AWS managed policy names are not statements and are skipped; KMS key policies are
/// resource policies, not role permissions, and are not read here.
/// </summary>
public static class IamStatements
{
    /// <summary>
    /// Every statement of every role the template defines through SAM <c>Policies</c>. The template must be rendered
    /// (<see cref="TemplateConditions"/>): an <c>Fn::If</c> left in a statement fails.
    /// </summary>
    public static IReadOnlyList<IamStatement> Read(JsonNode template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var resources = template["Resources"]!.AsObject();
        var statements = new List<IamStatement>();
        foreach (var (logicalId, body) in resources)
        {
            var type = (string?)body?["Type"];
            if (type is not ("AWS::Serverless::Function" or "AWS::Serverless::StateMachine"))
                continue;
            IEnumerable<JsonNode?> policies = body!["Properties"]?["Policies"] switch
            {
                JsonArray list => list,
                JsonObject single => [single],
                _ => [],
            };
            foreach (var policy in policies.OfType<JsonObject>())
            {
                if (policy["Statement"] is JsonArray inline)
                    statements.AddRange(Statements(logicalId, null, inline, substituted: false));
                else if (ManagedPolicy(resources, policy) is var (name, document, substituted))
                    statements.AddRange(Statements(logicalId, name, document["Statement"] as JsonArray ?? [], substituted));
            }
        }
        return statements;
    }

    /// <summary>The policy document of an <c>AWS::IAM::ManagedPolicy</c> of this template that <paramref name="policy"/> references.</summary>
    private static (string Name, JsonObject Document, bool Substituted)? ManagedPolicy(JsonObject resources, JsonObject policy)
    {
        if (policy.Count != 1 || policy["Ref"] is not JsonValue reference || !reference.TryGetValue<string>(out var name))
            return null;
        var resource = resources[name];
        if ((string?)resource?["Type"] != "AWS::IAM::ManagedPolicy")
            return null;
        return resource!["Properties"]?["PolicyDocument"] switch
        {
            JsonObject { Count: 1 } sub when sub["Fn::Sub"] is JsonValue text && text.TryGetValue<string>(out var json) =>
                (name, JsonNode.Parse(json) as JsonObject ?? throw new FormatException($"{name}: the Fn::Sub'd policy document is not a JSON object"), true),
            JsonObject document when !document.ContainsKey("Fn::Sub") => (name, document, false),
            var other => throw new NotSupportedException($"{name}: unsupported PolicyDocument {other?.ToJsonString()}"),
        };
    }

    private static IEnumerable<IamStatement> Statements(string owner, string? policy, JsonArray statements, bool substituted) =>
        statements.OfType<JsonObject>().Select(statement => new IamStatement(
            owner,
            (string?)statement["Sid"],
            List(statement["Action"]),
            Resources(statement["Resource"], substituted),
            Condition(owner, statement["Condition"]),
            policy));

    private static JsonObject? Condition(string owner, JsonNode? condition)
    {
        if (condition is not null && condition.ToJsonString().Contains("\"Fn::If\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"{owner}: a statement's Condition still holds Fn::If; render the template first (TemplateConditions)");
        return condition as JsonObject;
    }

    private static IReadOnlyList<string> List(JsonNode? node) => node switch
    {
        JsonArray array => [.. array.Select(n => (string?)n ?? "")],
        JsonValue value => [(string?)value ?? ""],
        _ => [],
    };

    private static IReadOnlyList<string> Resources(JsonNode? node, bool substituted) => node switch
    {
        JsonArray array => [.. array.Select(n => Text(n, substituted))],
        null => [],
        _ => [Text(node, substituted)],
    };

    private static string Text(JsonNode? node, bool substituted)
    {
        if (node is not JsonValue value || !value.TryGetValue<string>(out var text))
            return node?.ToJsonString() ?? "null";
        return substituted && text.Contains("${", StringComparison.Ordinal) ? new JsonObject { ["Fn::Sub"] = text }.ToJsonString() : text;
    }
}
