using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.StepFunctions;

/// <summary>
/// One service reachable as <c>arn:aws:states:::aws-sdk:&lt;ResourceName&gt;:&lt;action&gt;</c>. Step Functions takes
/// parameters in PascalCase whatever the API's casing, and answers in PascalCase; services whose model members
/// are camelCase (PCS, Step Functions: see shared/reference/botocore) are converted both ways, keeping the keys of
/// their map members (user data such as tag keys) as written.
/// </summary>
/// <param name="ResourceName">The service in the resource ARN, e.g. "secretsmanager".</param>
/// <param name="SigningName">The emulator's service (SigV4 signing name), e.g. "states" for sfn.</param>
/// <param name="ErrorPrefix">The service part of error names, e.g. "SecretsManager" in <c>SecretsManager.ResourceNotFoundException</c>.</param>
/// <param name="CamelCaseMembers">The API's members are camelCase (converted from and to PascalCase).</param>
/// <param name="MapMembers">Members (camelCase) whose values are maps: their keys are data, never converted.</param>
/// <param name="Shapes">A service whose protocol is not JSON (EC2's query protocol): converts both ways instead.</param>
public sealed record AwsSdkService(string ResourceName, string SigningName, string ErrorPrefix, bool CamelCaseMembers, IReadOnlySet<string> MapMembers,
    AwsSdkShapes? Shapes = null)
{
    /// <summary>The Task's PascalCase parameters as the service's request.</summary>
    public JsonNode? ToService(JsonNode? parameters) =>
        Shapes is not null ? Shapes.ToService(parameters as JsonObject ?? [])
        : CamelCaseMembers ? Convert(parameters, toCamel: true) : parameters?.DeepClone();

    /// <summary>The service's response as the Task's PascalCase result.</summary>
    public JsonNode? FromService(JsonNode? response) =>
        Shapes is not null ? Shapes.FromService(response)
        : CamelCaseMembers ? Convert(response, toCamel: false) : response?.DeepClone();

    private JsonNode? Convert(JsonNode? node, bool toCamel) =>
        node switch
        {
            JsonObject o => new JsonObject(o.Select(p =>
            {
                var camel = Camel(p.Key);
                var value = MapMembers.Contains(camel) && p.Value is JsonObject map
                    ? new JsonObject(map.Select(e => KeyValuePair.Create(e.Key, Convert(e.Value, toCamel))))
                    : Convert(p.Value, toCamel);
                return KeyValuePair.Create(toCamel ? camel : Pascal(p.Key), value);
            })),
            JsonArray a => new JsonArray(a.Select(i => Convert(i, toCamel)).ToArray()),
            null => null,
            _ => node.DeepClone(),
        };

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}

/// <summary>The emulated services Step Functions' AWS SDK integrations reach (EC2 through <see cref="Ec2SdkShapes"/>).</summary>
public static class AwsSdkServices
{
    private static readonly HashSet<string> None = [];

    public static IReadOnlyList<AwsSdkService> All { get; } =
    [
        // PCS members are camelCase; tags is the only map (RequestTagMap/ResponseTagMap in pcs.service-2.json)
        new("pcs", "pcs", "Pcs", true, new HashSet<string>(StringComparer.Ordinal) { "tags" }),
        // Step Functions members are camelCase; assignedVariables/variableReferences are its maps
        new("sfn", "states", "Sfn", true, new HashSet<string>(StringComparer.Ordinal) { "assignedVariables", "variableReferences" }),
        new("secretsmanager", "secretsmanager", "SecretsManager", false, None),
        new("ssm", "ssm", "Ssm", false, None),
        new("dynamodb", "dynamodb", "DynamoDb", false, None),
        new("eventbridge", "events", "EventBridge", false, None),
        new("sns", "sns", "Sns", false, None),
        // EC2 speaks the query protocol: flat parameters in, XML element names out (see Ec2SdkShapes)
        new("ec2", "ec2", "Ec2", false, None, new Ec2SdkShapes()),
    ];

    public static AwsSdkService? Find(string resourceName) => All.FirstOrDefault(s => s.ResourceName == resourceName);
}
