using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PcsAutomation.Domain.Ami;
using PcsAutomation.Functions.Ami;

namespace PcsAutomation.Cli.Ami;

/// <summary>
/// The lookup for scripts (<c>--output json</c>): <c>found</c>, <c>image</c> (null when none), <c>rule</c>,
/// <c>rejected[]</c> (imageId, name, rule, reason), <c>notes[]</c>, the <c>query</c> and the <c>search</c> made.
/// Times are ISO 8601 UTC. <c>jq -r .image.imageId</c> gives the id.
/// </summary>
internal static class AmiLookupJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Render(AmiLookupResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var selection = result.Selection;
        var query = result.Query;
        var json = new JsonObject
        {
            ["found"] = selection.Found,
            ["image"] = selection.Chosen is { } image ? Image(image, selection.ChosenSlurmVersions) : null,
            ["rule"] = selection.Rule,
            ["rejected"] = new JsonArray([.. selection.Rejected.Select(r => (JsonNode)new JsonObject
            {
                ["imageId"] = r.ImageId,
                ["name"] = r.Name,
                ["rule"] = r.Rule,
                ["reason"] = r.Reason,
            })]),
            ["notes"] = new JsonArray([.. selection.Notes.Select(n => (JsonNode)JsonValue.Create(n))]),
            ["query"] = new JsonObject
            {
                ["channel"] = query.Channel.Text,
                ["owner"] = query.Channel.Owner,
                ["slurmVersion"] = query.SlurmVersion.ToString(),
                ["architecture"] = query.Architecture,
            },
            ["search"] = new JsonObject
            {
                ["owners"] = Strings(result.Search.Owners),
                ["filters"] = new JsonArray([.. result.Search.Filters.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["values"] = Strings(f.Values) })]),
                ["includeDeprecated"] = result.Search.IncludeDeprecated,
                ["parameterName"] = result.Search.ParameterName,
                ["parameterValue"] = result.ParameterValue,
            },
        };
        return json.ToJsonString(Indented);
    }

    private static JsonObject Image(AmiImage image, DeclaredSlurmVersions? versions) => new()
    {
        ["imageId"] = image.ImageId,
        ["name"] = image.Name,
        ["description"] = image.Description,
        ["architecture"] = image.Architecture,
        ["ownerId"] = image.OwnerId,
        ["ownerAlias"] = image.OwnerAlias,
        ["state"] = image.State,
        ["creationDate"] = Timestamp(image.CreationDate),
        ["deprecationTime"] = Timestamp(image.DeprecationTime),
        ["slurmVersions"] = Strings(versions?.Versions.Select(v => v.ToString()).ToList() ?? []),
        ["slurmVersionsFrom"] = versions?.Source,
    };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static string? Timestamp(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
