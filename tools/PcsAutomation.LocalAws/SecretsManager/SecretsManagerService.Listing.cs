using System.Globalization;
using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Protocol;

namespace PcsAutomation.LocalAws.SecretsManager;

public sealed partial class SecretsManagerService
{
    private JsonObject ListSecrets(RequestReader reader)
    {
        var filters = (reader.OptionalObjectList("Filters") ?? [])
            .Select(f => new SecretFilter(
                f.OptionalString("Key") ?? throw SecretsErrors.InvalidParameter("Filter Key must not be null."),
                f.OptionalStringList("Values") ?? []))
            .ToList();
        foreach (var filter in filters) filter.Validate();
        var includeDeleted = reader.OptionalBool("IncludePlannedDeletion") ?? false;
        var descending = (reader.OptionalString("SortOrder") ?? "desc") == "desc";
        var matching = world.Secrets.Values
            .Where(s => includeDeleted || s.DeletedDate is null)
            .Where(s => filters.All(f => f.Matches(s, world.Region)))
            .OrderBy(s => s.CreatedDate).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        if (descending) matching.Reverse();
        return Page(reader, matching, "SecretList", s => SecretsJson.Describe(s, "SecretVersionsToStages"));
    }

    private JsonObject ListSecretVersionIds(RequestReader reader)
    {
        var secret = Live(reader);
        var includeDeprecated = reader.OptionalBool("IncludeDeprecated") ?? false;
        var versions = secret.Versions.Where(v => includeDeprecated || v.Stages.Count > 0).OrderBy(v => v.CreatedDate).ToList();
        var json = Page(reader, versions, "Versions", SecretsJson.Version);
        json["ARN"] = secret.Arn;
        json["Name"] = secret.Name;
        return json;
    }

    /// <summary>Moves a staging label; moving AWSCURRENT leaves AWSPREVIOUS on the former current version.</summary>
    private JsonObject UpdateSecretVersionStage(RequestReader reader)
    {
        var secret = Live(reader);
        var stage = reader.RequiredString("VersionStage");
        var removeFrom = reader.OptionalString("RemoveFromVersionId");
        var moveTo = reader.OptionalString("MoveToVersionId");
        var holder = secret.VersionWithStage(stage);
        if (removeFrom is not null && holder?.VersionId != removeFrom)
            throw SecretsErrors.InvalidParameter($"The staging label {stage} is not attached to version {removeFrom}.");
        SecretVersion? target = null;
        if (moveTo is not null)
        {
            target = secret.FindVersion(moveTo) ?? throw SecretsErrors.NotFound($"Secrets Manager can't find the version {moveTo}.");
            if (holder is not null && holder != target && removeFrom is null)
                throw SecretsErrors.InvalidParameter(
                    $"The staging label {stage} is currently attached to version {holder.VersionId}; specify RemoveFromVersionId to move it.");
        }
        else if (removeFrom is null)
        {
            throw SecretsErrors.InvalidParameter("You must specify MoveToVersionId or RemoveFromVersionId.");
        }
        if (target is null)
        {
            if (stage == Secret.Current) throw SecretsErrors.InvalidParameter("AWSCURRENT can't be removed; move it to another version instead.");
            holder!.Stages.Remove(stage);
        }
        else if (stage == Secret.Current)
        {
            secret.Promote(target);
        }
        else
        {
            secret.MoveStage(stage, target);
        }
        secret.LastChangedDate = world.Now;
        return SecretsJson.Identity(secret);
    }

    private static JsonObject Page<T>(RequestReader reader, IReadOnlyList<T> items, string member, Func<T, JsonObject> render)
    {
        var max = reader.OptionalInt("MaxResults") ?? 100;
        if (max is < 1 or > 100) throw SecretsErrors.InvalidParameter("MaxResults must be between 1 and 100.");
        var start = 0;
        if (reader.OptionalString("NextToken") is { } token &&
            (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out start) || start > items.Count))
            throw new AwsServiceException("InvalidNextTokenException", "The NextToken value is invalid.", 400);
        var json = new JsonObject { [member] = new JsonArray(items.Skip(start).Take(max).Select(i => (JsonNode)render(i)).ToArray()) };
        if (start + max < items.Count) json["NextToken"] = (start + max).ToString(CultureInfo.InvariantCulture);
        return json;
    }
}
