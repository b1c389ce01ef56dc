using System.Text.Json;

namespace PcsAutomation.Domain.CustomResources;

/// <summary>
/// Reads a CloudFormation custom resource request (the Lambda event) field by field, never throwing: whatever is
/// missing or of the wrong type is null in the result and named in its <see cref="CustomResourceRequest.Problems"/>.
/// Field names and which are required per request type:
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html and
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requesttypes.html (PhysicalResourceId is sent
/// with Update and Delete, OldResourceProperties with Update).
/// </summary>
public static class CustomResourceRequestParser
{
    public static CustomResourceRequest Parse(JsonElement root)
    {
        var problems = new List<string>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"the event is a JSON {Kind(root)}, not an object");
            return new CustomResourceRequest(null, null, null, null, null, null, null, null, null, null, problems);
        }

        var rawType = Text(root, "RequestType", problems, required: true);
        CustomResourceRequestType? type = rawType switch
        {
            "Create" => CustomResourceRequestType.Create,
            "Update" => CustomResourceRequestType.Update,
            "Delete" => CustomResourceRequestType.Delete,
            _ => null,
        };
        if (rawType is not null && type is null)
            problems.Add($"RequestType '{rawType}' is not Create, Update or Delete");

        var url = ResponseUrl(root, problems);
        var stackId = Text(root, "StackId", problems, required: true);
        var requestId = Text(root, "RequestId", problems, required: true);
        var resourceType = Text(root, "ResourceType", problems, required: true);
        var logicalId = Text(root, "LogicalResourceId", problems, required: true);
        var physicalId = Text(root, "PhysicalResourceId", problems, required: type is CustomResourceRequestType.Update or CustomResourceRequestType.Delete);
        var properties = Properties(root, "ResourceProperties", problems);
        var old = Properties(root, "OldResourceProperties", problems);
        return new CustomResourceRequest(type, rawType, url, stackId, requestId, resourceType, logicalId, physicalId, properties, old, problems);
    }

    private static string? Text(JsonElement root, string name, List<string> problems, bool required)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) problems.Add($"{name} is missing");
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{name} is a JSON {Kind(value)}, not a string");
            return null;
        }
        var text = value.GetString()!;
        if (text.Length == 0)
        {
            if (required) problems.Add($"{name} is empty");
            return null;
        }
        return text;
    }

    // Kept exactly as sent: a pre-signed URL's signature covers its path and query, so no escape in them may be undone
    // or redone (the documented URL's path is an escaped stack ARN, %3A, %2F, %7C, crpg-ref-requesttypes.html).
    private static readonly UriCreationOptions Verbatim = new() { DangerousDisablePathAndQueryCanonicalization = true };

    // The URL is never quoted in a problem: a pre-signed URL carries its signature (and a session token) in its query.
    private static Uri? ResponseUrl(JsonElement root, List<string> problems)
    {
        var text = Text(root, "ResponseURL", problems, required: true);
        if (text is null)
            return null;
        if (Uri.TryCreate(text, Verbatim, out var url) && url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
            return url;
        problems.Add("ResponseURL is not an absolute http or https URL");
        return null;
    }

    private static Dictionary<string, JsonElement>? Properties(JsonElement root, string name, List<string> problems)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{name} is a JSON {Kind(value)}, not an object");
            return null;
        }
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
            properties[property.Name] = property.Value.Clone(); // independent of the caller's document
        return properties;
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "value",
    };
}
