using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Protocol;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Ssm;

/// <summary>
/// AWS Systems Manager (awsJson 1.1, target <c>AmazonSSM</c>): Parameter Store (with the public AMI parameters)
/// and Run Command on the world's instances. Call <see cref="Invoke"/> under the world's gate (the HTTP layer does).
/// </summary>
public sealed partial class SsmService
{
    public const string TargetPrefix = "AmazonSSM";
    public const string SigningName = "ssm";

    /// <summary>Request and response members CloudTrail must not show: parameter values and command parameters.</summary>
    public static readonly IReadOnlySet<string> SensitiveMembers = new HashSet<string>(StringComparer.Ordinal) { "Value", "Parameters", "Command" };

    private readonly AwsWorld world;

    public SsmService(AwsWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        this.world = world;
        PublicParameters.Add(world);
    }

    public JsonNode Invoke(string operation, JsonObject request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reader = new RequestReader(request, SsmErrors.Validation);
        return operation switch
        {
            "GetParameter" => new JsonObject { ["Parameter"] = ParameterJson(Find(reader.RequiredString("Name")), reader.OptionalBool("WithDecryption") == true) },
            "GetParameters" => GetParameters(reader),
            "PutParameter" => PutParameter(reader),
            "DeleteParameter" => DeleteParameter(reader),
            "SendCommand" => SendCommand(reader),
            "GetCommandInvocation" => GetCommandInvocation(reader),
            "ListCommandInvocations" => ListCommandInvocations(reader),
            "ListCommands" => ListCommands(reader),
            _ => throw new AwsServiceException("UnknownOperationException", $"Unknown operation {SsmErrors.Clip(operation)}", 400),
        };
    }

    private SsmParameter Find(string name) =>
        Lookup(name) ?? throw SsmErrors.Error("ParameterNotFound", $"Parameter {SsmErrors.Clip(name)} not found.");

    /// <summary>By name or ARN.</summary>
    private SsmParameter? Lookup(string name)
    {
        var key = name.StartsWith("arn:", StringComparison.Ordinal) && name.IndexOf(":parameter", StringComparison.Ordinal) is var at and > 0
            ? name[(at + ":parameter".Length)..]
            : name;
        return world.Parameters.GetValueOrDefault(key) ?? world.Parameters.GetValueOrDefault(key.TrimStart('/'));
    }

    /// <summary>Up to 10 names; unknown ones are listed in InvalidParameters instead of failing the call.</summary>
    private JsonObject GetParameters(RequestReader reader)
    {
        var names = reader.OptionalStringList("Names") ?? throw SsmErrors.Validation(
            "1 validation error detected: Value null at 'names' failed to satisfy constraint: Member must not be null");
        if (names.Count is 0 or > 10)
            throw SsmErrors.Validation($"1 validation error detected: Value at 'names' failed to satisfy constraint: Member must have length less than or equal to 10");
        var decrypt = reader.OptionalBool("WithDecryption") == true;
        var found = names.Distinct().Select(n => (Name: n, Parameter: Lookup(n))).ToList();
        return new JsonObject
        {
            ["Parameters"] = new JsonArray(found.Where(f => f.Parameter is not null).Select(f => (JsonNode)ParameterJson(f.Parameter!, decrypt)).ToArray()),
            ["InvalidParameters"] = new JsonArray(found.Where(f => f.Parameter is null).Select(f => (JsonNode)f.Name).ToArray()),
        };
    }

    private JsonObject PutParameter(RequestReader reader)
    {
        var name = reader.RequiredString("Name");
        var value = reader.RequiredString("Value");
        if (name.TrimStart('/').StartsWith("aws", StringComparison.OrdinalIgnoreCase) || name.TrimStart('/').StartsWith("ssm", StringComparison.OrdinalIgnoreCase))
            throw SsmErrors.Validation("Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive).");
        var type = reader.OptionalString("Type");
        if (type is not (null or SsmParameter.StringType or SsmParameter.StringList or SsmParameter.SecureString))
            throw SsmErrors.Validation($"1 validation error detected: Value '{SsmErrors.Clip(type)}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [SecureString, StringList, String]");
        var existing = Lookup(name);
        if (existing is not null && reader.OptionalBool("Overwrite") != true)
            throw SsmErrors.Error("ParameterAlreadyExists", "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.");
        var parameter = existing ?? new SsmParameter
        {
            Name = name,
            Type = type ?? throw SsmErrors.Validation("A parameter type is required when you create a parameter."),
            Value = value,
            LastModifiedDate = world.Now,
            Version = 0,
        };
        parameter.Type = type ?? parameter.Type;
        parameter.Value = value;
        parameter.Ciphertext = parameter.Type == SsmParameter.SecureString ? "AQICAH" + world.Ids.Base64Key(48) : null;
        parameter.Description = reader.OptionalString("Description") ?? parameter.Description;
        parameter.DataType = reader.OptionalString("DataType") ?? parameter.DataType;
        parameter.LastModifiedDate = world.Now;
        parameter.Version++;
        world.Parameters[name] = parameter;
        return new JsonObject { ["Version"] = parameter.Version, ["Tier"] = "Standard" };
    }

    private JsonObject DeleteParameter(RequestReader reader)
    {
        var parameter = Find(reader.RequiredString("Name"));
        if (parameter.IsPublic) throw SsmErrors.Validation("Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive).");
        world.Parameters.Remove(parameter.Name);
        return [];
    }

    private JsonObject ParameterJson(SsmParameter parameter, bool decrypt) => new()
    {
        ["Name"] = parameter.Name,
        ["Type"] = parameter.Type,
        ["Value"] = parameter.Type == SsmParameter.SecureString && !decrypt ? parameter.Ciphertext : parameter.Value,
        ["Version"] = parameter.Version,
        ["LastModifiedDate"] = AwsTimestamp.EpochSeconds(parameter.LastModifiedDate),
        ["ARN"] = parameter.Arn(world.Region, world.AccountId),
        ["DataType"] = parameter.DataType,
    };
}
