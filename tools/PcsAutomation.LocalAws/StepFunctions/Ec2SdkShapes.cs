using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PcsAutomation.LocalAws.StepFunctions;

/// <summary>
/// Converts a service's request and response between Step Functions' AWS SDK shape and the emulated service's own.
/// </summary>
public abstract class AwsSdkShapes
{
    public abstract JsonObject ToService(JsonObject parameters);

    public abstract JsonNode? FromService(JsonNode? response);
}

/// <summary>
/// EC2 for <c>arn:aws:states:::aws-sdk:ec2:*</c>. The emulated EC2 speaks the query protocol: it takes flat parameters
/// (<c>Filter.1.Name</c>, <c>Filter.1.Value.1</c>, <c>InstanceId.1</c>) and answers with the model's XML element names
/// (<c>reservationSet</c>, <c>instancesSet</c>, <c>tagSet</c>, <c>instanceState</c>). The SDK (what Step Functions
/// passes and returns) uses the model's MEMBER names in PascalCase with plain arrays (<c>Filters</c>, <c>Reservations</c>,
/// <c>Instances</c>, <c>Tags</c>, <c>State</c>).
/// <para>
/// No EC2 model is stored under shared/reference, so the conversion follows the EC2 model's naming rules, not a table
/// per field: a request list member's query name is its singular (<c>Filters</c> -&gt; <c>Filter.N</c>, <c>Values</c> -&gt;
/// <c>Value.N</c>), a response list element <c>xxxSet</c> is the member <c>Xxxs</c>; <see cref="QueryNames"/> and
/// <see cref="MemberNames"/> hold the members whose names do not follow those rules in the operations served here.
/// </para>
/// </summary>
public sealed class Ec2SdkShapes : AwsSdkShapes
{
    /// <summary>Request list members whose query name is not their singular (EC2 model locationName).</summary>
    private static readonly Dictionary<string, string> QueryNames = new(StringComparer.Ordinal)
    {
        ["ExecutableUsers"] = "ExecutableBy", // DescribeImagesRequest, locationName ExecutableBy
        ["Versions"] = "LaunchTemplateVersion", // DescribeLaunchTemplateVersionsRequest, locationName LaunchTemplateVersion
    };

    /// <summary>Response elements whose member name is not derived from the XML name (EC2 model member vs locationName).</summary>
    private static readonly Dictionary<string, string> MemberNames = new(StringComparer.Ordinal)
    {
        ["instanceState"] = "State", // Instance.State, locationName instanceState
        ["imageState"] = "State", // Image.State, locationName imageState
        ["imageOwnerId"] = "OwnerId", // Image.OwnerId, locationName imageOwnerId
        ["isPublic"] = "Public", // Image.Public, locationName isPublic
        ["blockDeviceMapping"] = "BlockDeviceMappings", // Image.BlockDeviceMappings, locationName blockDeviceMapping
        ["capacityBlockStatusSet"] = "CapacityBlockStatuses", // DescribeCapacityBlockStatusResult.CapacityBlockStatuses
        ["capacityReservationStatusSet"] = "CapacityReservationStatuses", // CapacityBlockStatus.CapacityReservationStatuses
    };

    public override JsonObject ToService(JsonObject parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var flat = new JsonObject();
        foreach (var (name, value) in parameters) Flatten(flat, name, value);
        return flat;
    }

    private static void Flatten(JsonObject flat, string name, JsonNode? value)
    {
        switch (value)
        {
            case null:
                return;
            case JsonObject o:
                foreach (var (member, child) in o) Flatten(flat, name + "." + member, child);
                return;
            case JsonArray a:
                var prefix = Prefix(name) + QueryName(Last(name));
                for (var i = 0; i < a.Count; i++) Flatten(flat, prefix + "." + (i + 1).ToString(CultureInfo.InvariantCulture), a[i]);
                return;
            default:
                flat[name] = Text(value.AsValue());
                return;
        }
    }

    private static string Last(string name) => name[(name.LastIndexOf('.') + 1)..];

    private static string Prefix(string name) => name[..(name.LastIndexOf('.') + 1)];

    /// <summary>The query name of a list member: its singular (<c>Filters</c> -&gt; <c>Filter</c>) unless the model says otherwise.</summary>
    private static string QueryName(string member) =>
        QueryNames.TryGetValue(member, out var name) ? name
        : member.EndsWith("ies", StringComparison.Ordinal) ? member[..^3] + "y"
        : member.EndsWith("ses", StringComparison.Ordinal) ? member[..^2]
        : member.EndsWith('s') ? member[..^1]
        : member;

    private static string Text(JsonValue value) =>
        value.GetValueKind() switch
        {
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.String => value.GetValue<string>(),
            _ => value.ToJsonString(),
        };

    public override JsonNode? FromService(JsonNode? response) =>
        response switch
        {
            JsonObject o => new JsonObject(o.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(MemberName(p.Key, p.Value), FromService(p.Value)))),
            JsonArray a => new JsonArray(a.Select(FromService).ToArray()),
            null => null,
            _ => response.DeepClone(),
        };

    /// <summary>The SDK member for an XML element: <c>tagSet</c> -&gt; <c>Tags</c>, <c>reservationSet</c> -&gt; <c>Reservations</c>, <c>code</c> -&gt; <c>Code</c>.</summary>
    private static string MemberName(string element, JsonNode? value)
    {
        if (MemberNames.TryGetValue(element, out var member)) return member;
        var name = element;
        if (value is JsonArray && name.EndsWith("Set", StringComparison.Ordinal) && name.Length > 3)
        {
            name = name[..^3];
            if (!name.EndsWith('s')) name += "s";
        }
        return char.ToUpperInvariant(name[0]) + name[1..];
    }
}
