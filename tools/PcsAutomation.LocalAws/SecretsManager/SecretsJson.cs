using System.Text.Json.Nodes;
using static PcsAutomation.LocalAws.Protocol.AwsTimestamp;

namespace PcsAutomation.LocalAws.SecretsManager;

/// <summary>Secrets Manager response shapes (timestamps as epoch seconds, as awsJson1_1 sends them).</summary>
public static class SecretsJson
{
    /// <summary>DescribeSecret's answer; ListSecrets uses the same members with <c>SecretVersionsToStages</c>.</summary>
    public static JsonObject Describe(Secret s, string versionsMember = "VersionIdsToStages")
    {
        var json = new JsonObject { ["ARN"] = s.Arn, ["Name"] = s.Name };
        if (s.Description is not null) json["Description"] = s.Description;
        if (s.KmsKeyId is not null) json["KmsKeyId"] = s.KmsKeyId;
        if (s.RotationEnabled is { } enabled) json["RotationEnabled"] = enabled;
        if (s.RotationLambdaArn is not null) json["RotationLambdaARN"] = s.RotationLambdaArn;
        if (s.RotationRules is not null) json["RotationRules"] = s.RotationRules.DeepClone();
        if (s.LastRotatedDate is { } rotated) json["LastRotatedDate"] = EpochSeconds(rotated);
        if (s.LastChangedDate is { } changed) json["LastChangedDate"] = EpochSeconds(changed);
        if (s.LastAccessedDate is { } accessed) json["LastAccessedDate"] = EpochSeconds(accessed);
        if (s.DeletedDate is { } deleted) json["DeletedDate"] = EpochSeconds(deleted);
        if (s.NextRotationDate is { } next) json["NextRotationDate"] = EpochSeconds(next);
        json["Tags"] = Tags(s.Tags);
        json[versionsMember] = new JsonObject(s.Versions.Where(v => v.Stages.Count > 0).Select(v =>
            KeyValuePair.Create(v.VersionId, (JsonNode?)Stages(v))));
        if (s.OwningService is not null) json["OwningService"] = s.OwningService;
        json["CreatedDate"] = EpochSeconds(s.CreatedDate);
        return json;
    }

    public static JsonArray Tags(IEnumerable<KeyValuePair<string, string>> tags) =>
        new(tags.Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value }).ToArray());

    public static JsonArray Stages(SecretVersion v) =>
        new(v.Stages.Order(StringComparer.Ordinal).Select(s => (JsonNode)s).ToArray());

    public static JsonObject Version(SecretVersion v)
    {
        var json = new JsonObject { ["VersionId"] = v.VersionId, ["VersionStages"] = Stages(v) };
        if (v.LastAccessedDate is { } accessed) json["LastAccessedDate"] = EpochSeconds(accessed);
        json["CreatedDate"] = EpochSeconds(v.CreatedDate);
        return json;
    }

    public static JsonObject Identity(Secret s, string? versionId = null)
    {
        var json = new JsonObject { ["ARN"] = s.Arn, ["Name"] = s.Name };
        if (versionId is not null) json["VersionId"] = versionId;
        return json;
    }
}
