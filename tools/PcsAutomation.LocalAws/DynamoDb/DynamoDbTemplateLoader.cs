using System.Text.Json;
using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.EventBridge;
using PcsAutomation.LocalAws.Template;

namespace PcsAutomation.LocalAws.DynamoDb;

/// <summary>Creates the tables a SAM template declares (<c>AWS::DynamoDB::Table</c>, <c>AWS::Serverless::SimpleTable</c>).</summary>
public static class DynamoDbTemplateLoader
{
    /// <summary>Creates every table of <paramref name="templateYaml"/> in <paramref name="service"/> and returns them.</summary>
    /// <param name="templateYaml">The template text (YAML or JSON).</param>
    /// <param name="service">Where tables go.</param>
    /// <param name="parameterOverrides">Template parameter values (and pseudo parameters such as AWS::StackName).</param>
    /// <param name="region">Region for intrinsics.</param>
    /// <param name="accountId">Account for intrinsics.</param>
    public static IReadOnlyList<DynamoTable> Load(string templateYaml, DynamoDbService service, IReadOnlyDictionary<string, string>? parameterOverrides = null, string region = "us-east-1", string accountId = "123456789012")
    {
        ArgumentNullException.ThrowIfNull(service);
        var template = YamlJson.Parse(templateYaml) as JsonObject ?? throw new FormatException("The template is not a mapping.");
        var resources = template["Resources"] as JsonObject ?? [];
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, definition) in template["Parameters"] as JsonObject ?? [])
        {
            if (TemplateIntrinsics.AsString(definition?["Default"]) is { } value)
                parameters[name] = value;
        }
        foreach (var (name, value) in parameterOverrides ?? new Dictionary<string, string>())
            parameters[name] = value;
        var intrinsics = new TemplateIntrinsics(resources, parameters, region, accountId);
        var tables = new List<DynamoTable>();
        foreach (var (logicalId, resource) in resources)
        {
            var properties = intrinsics.Resolve(resource?["Properties"]) as JsonObject ?? [];
            var name = TemplateIntrinsics.AsString(properties["TableName"]) ?? logicalId;
            switch (TemplateIntrinsics.AsString(resource?["Type"]))
            {
                case "AWS::DynamoDB::Table":
                    tables.Add(FromTable(service, name, properties));
                    break;
                case "AWS::Serverless::SimpleTable":
                    // SAM's default primary key is "id" of type String.
                    var key = properties["PrimaryKey"] as JsonObject;
                    var type = TemplateIntrinsics.AsString(key?["Type"]) switch { "Number" => "N", "Binary" => "B", _ => "S" };
                    tables.Add(service.CreateTable(name, new KeyElement(TemplateIntrinsics.AsString(key?["Name"]) ?? "id", type)));
                    break;
            }
        }
        return tables;
    }

    private static DynamoTable FromTable(DynamoDbService service, string name, JsonObject properties)
    {
        // Going through the API gives template tables the same validation as CreateTable.
        var request = new JsonObject
        {
            ["TableName"] = name,
            ["KeySchema"] = properties["KeySchema"]?.DeepClone(),
            ["AttributeDefinitions"] = properties["AttributeDefinitions"]?.DeepClone(),
            ["BillingMode"] = properties["BillingMode"]?.DeepClone() ?? "PROVISIONED",
        };
        if (properties["ProvisionedThroughput"] is JsonObject throughput)
            request["ProvisionedThroughput"] = throughput.DeepClone();
        service.Invoke("CreateTable", request);
        if (properties["TimeToLiveSpecification"] is JsonObject ttl && ttl["Enabled"] is JsonValue enabled && enabled.GetValueKind() == JsonValueKind.True)
            service.Invoke("UpdateTimeToLive", new JsonObject { ["TableName"] = name, ["TimeToLiveSpecification"] = ttl.DeepClone() });
        return service.FindTable(name)!;
    }
}
