using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PcsAutomation.LocalAws.Protocol;
using PcsAutomation.LocalAws.World;
using static PcsAutomation.LocalAws.Protocol.AwsTimestamp;

namespace PcsAutomation.LocalAws.SecretsManager;

/// <summary>
/// AWS Secrets Manager (awsJson1_1): secrets with versions and staging labels, filters, tags, and the managed
/// rotation of PCS cluster secrets (<see cref="ManagedRotation"/>). Call <see cref="Invoke"/> under the world's gate.
/// </summary>
public sealed partial class SecretsManagerService
{
    public const string TargetPrefix = "secretsmanager";
    public const string SigningName = "secretsmanager";

    private readonly AwsWorld world;

    public SecretsManagerService(AwsWorld world)
    {
        this.world = world;
        Rotation = new ManagedRotation(world);
    }

    public ManagedRotation Rotation { get; }

    public JsonNode Invoke(string operation, JsonObject request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reader = new RequestReader(request, SecretsErrors.InvalidParameter);
        return operation switch
        {
            "CreateSecret" => CreateSecret(reader),
            "GetSecretValue" => GetSecretValue(reader),
            "PutSecretValue" => PutSecretValue(reader),
            "DescribeSecret" => SecretsJson.Describe(Find(reader)),
            "UpdateSecret" => UpdateSecret(reader),
            "DeleteSecret" => DeleteSecret(reader),
            "RestoreSecret" => RestoreSecret(reader),
            "ListSecrets" => ListSecrets(reader),
            "ListSecretVersionIds" => ListSecretVersionIds(reader),
            "UpdateSecretVersionStage" => UpdateSecretVersionStage(reader),
            "TagResource" => TagResource(reader),
            "UntagResource" => UntagResource(reader),
            "RotateSecret" => Rotation.Rotate(Live(reader), reader),
            "CancelRotateSecret" => ManagedRotation.Cancel(Live(reader)),
            "GetRandomPassword" => new JsonObject { ["RandomPassword"] = world.Ids.Base64Key(24) },
            _ => throw new AwsServiceException("UnknownOperationException", $"Unknown operation {operation}", 400),
        };
    }

    /// <summary>Finds a secret by ARN, partial ARN (without the random suffix) or name.</summary>
    public Secret? Lookup(string secretId) =>
        world.Secrets.GetValueOrDefault(secretId)
        ?? world.Secrets.Values.FirstOrDefault(s => s.Name == secretId || s.Arn[..^7] == secretId);

    private Secret Find(RequestReader reader) =>
        Lookup(reader.RequiredString("SecretId")) ?? throw SecretsErrors.NotFound();

    /// <summary>A secret scheduled for deletion refuses most operations.</summary>
    private Secret Live(RequestReader reader)
    {
        var secret = Find(reader);
        if (secret.DeletedDate is not null)
            throw SecretsErrors.InvalidRequest("You can't perform this operation on the secret because it was marked for deletion.");
        return secret;
    }

    private JsonObject CreateSecret(RequestReader reader)
    {
        var name = reader.RequiredString("Name");
        if (name.Length is 0 or > 512 || !Regex.IsMatch(name, @"^[A-Za-z0-9/_+=.@!-]+$"))
            throw SecretsErrors.InvalidParameter("Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!");
        var (text, binary) = Value(reader);
        var token = reader.OptionalString("ClientRequestToken") ?? world.Ids.Uuid();
        ValidateToken(token);
        var tags = Tags(reader);
        if (Lookup(name) is { } existing)
        {
            if (existing.FindVersion(token) is { } same && same.SameValueAs(text, binary))
                return SecretsJson.Identity(existing, token); // a retried CreateSecret with the same token
            throw SecretsErrors.Exists($"The operation failed because the secret {name} already exists.");
        }
        var secret = new Secret
        {
            Arn = $"arn:aws:secretsmanager:{world.Region}:{world.AccountId}:secret:{name}-{world.Ids.SecretArnSuffix()}",
            Name = name,
            Description = reader.OptionalString("Description"),
            KmsKeyId = reader.OptionalString("KmsKeyId"),
            CreatedDate = world.Now,
            LastChangedDate = world.Now,
        };
        secret.Tags.AddRange(tags);
        world.Secrets[secret.Arn] = secret;
        if (text is null && binary is null) return SecretsJson.Identity(secret);
        AddVersion(secret, token, text, binary, [Secret.Current]);
        return SecretsJson.Identity(secret, token);
    }

    private JsonObject PutSecretValue(RequestReader reader)
    {
        var secret = Live(reader);
        var (text, binary) = Value(reader);
        if (text is null && binary is null) throw SecretsErrors.InvalidParameter("You must provide either SecretString or SecretBinary.");
        var token = reader.OptionalString("ClientRequestToken") ?? world.Ids.Uuid();
        ValidateToken(token);
        var stages = reader.OptionalStringList("VersionStages") ?? [Secret.Current];
        if (secret.FindVersion(token) is { } existing)
        {
            if (existing.SameValueAs(text, binary)) return Staged(secret, existing);
            throw SecretsErrors.Exists("You can't modify an existing version, you can only create a new version.");
        }
        var version = AddVersion(secret, token, text, binary, stages);
        return Staged(secret, version);
    }

    private JsonObject GetSecretValue(RequestReader reader)
    {
        var secret = Live(reader);
        var versionId = reader.OptionalString("VersionId");
        var stage = reader.OptionalString("VersionStage");
        var version = versionId is not null ? secret.FindVersion(versionId) : secret.VersionWithStage(stage ?? Secret.Current);
        if (version is null || (stage is not null && !version.Stages.Contains(stage)))
            throw SecretsErrors.NotFound($"Secrets Manager can't find the specified secret value for {(versionId is not null ? "VersionId: " + versionId : "staging label: " + (stage ?? Secret.Current))}");
        var today = new DateTimeOffset(world.Now.UtcDateTime.Date, TimeSpan.Zero); // the service keeps the date only
        secret.LastAccessedDate = version.LastAccessedDate = today;
        var json = SecretsJson.Identity(secret, version.VersionId);
        if (version.SecretString is not null) json["SecretString"] = version.SecretString;
        if (version.SecretBinary is not null) json["SecretBinary"] = Convert.ToBase64String(version.SecretBinary);
        json["VersionStages"] = SecretsJson.Stages(version);
        json["CreatedDate"] = EpochSeconds(version.CreatedDate);
        return json;
    }

    private JsonObject UpdateSecret(RequestReader reader)
    {
        var secret = Live(reader);
        var (text, binary) = Value(reader);
        var token = reader.OptionalString("ClientRequestToken") ?? world.Ids.Uuid();
        ValidateToken(token);
        var description = reader.OptionalString("Description");
        var kms = reader.OptionalString("KmsKeyId");
        if (description is not null) secret.Description = description;
        if (kms is not null) secret.KmsKeyId = kms;
        secret.LastChangedDate = world.Now;
        if (text is null && binary is null) return SecretsJson.Identity(secret);
        if (secret.FindVersion(token) is { } existing && !existing.SameValueAs(text, binary))
            throw SecretsErrors.Exists("You can't modify an existing version, you can only create a new version.");
        AddVersion(secret, token, text, binary, [Secret.Current]);
        return SecretsJson.Identity(secret, token);
    }

    private JsonObject DeleteSecret(RequestReader reader)
    {
        var secret = Live(reader);
        var window = reader.OptionalInt("RecoveryWindowInDays");
        var force = reader.OptionalBool("ForceDeleteWithoutRecovery") ?? false;
        if (window is not null && force)
            throw SecretsErrors.InvalidParameter("You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
        if (window is < 7 or > 30)
            throw SecretsErrors.InvalidParameter("The recovery window must be between 7 and 30 days.");
        var deletionDate = world.Now + (force ? TimeSpan.Zero : TimeSpan.FromDays(window ?? 30));
        secret.DeletedDate = world.Now;
        var json = SecretsJson.Identity(secret);
        json["DeletionDate"] = EpochSeconds(deletionDate);
        world.After(deletionDate - world.Now, $"delete secret {secret.Name}", () =>
        {
            if (secret.DeletedDate is not null) world.Secrets.Remove(secret.Arn);
        });
        return json;
    }

    private JsonObject RestoreSecret(RequestReader reader)
    {
        var secret = Find(reader);
        secret.DeletedDate = null;
        return SecretsJson.Identity(secret);
    }

    private JsonObject TagResource(RequestReader reader)
    {
        var secret = Live(reader);
        var tags = reader.Has("Tags") ? Tags(reader) : throw SecretsErrors.InvalidParameter("Tags must not be null.");
        foreach (var tag in tags)
        {
            secret.Tags.RemoveAll(t => t.Key == tag.Key);
            secret.Tags.Add(tag);
        }
        if (secret.Tags.Count > 50) throw SecretsErrors.InvalidParameter("A secret can have at most 50 tags.");
        return [];
    }

    private JsonObject UntagResource(RequestReader reader)
    {
        var secret = Live(reader);
        var keys = reader.OptionalStringList("TagKeys") ?? throw SecretsErrors.InvalidParameter("TagKeys must not be null.");
        secret.Tags.RemoveAll(t => keys.Contains(t.Key));
        return [];
    }

    private SecretVersion AddVersion(Secret secret, string versionId, string? text, byte[]? binary, IEnumerable<string> stages)
    {
        var version = new SecretVersion { VersionId = versionId, SecretString = text, SecretBinary = binary, CreatedDate = world.Now };
        secret.Versions.Add(version);
        foreach (var stage in stages)
        {
            if (stage == Secret.Current) secret.Promote(version);
            else secret.MoveStage(stage, version);
        }
        secret.LastChangedDate = world.Now;
        secret.PruneUnlabelledVersions();
        return version;
    }

    private static JsonObject Staged(Secret secret, SecretVersion version)
    {
        var json = SecretsJson.Identity(secret, version.VersionId);
        json["VersionStages"] = SecretsJson.Stages(version);
        return json;
    }

    private static (string? Text, byte[]? Binary) Value(RequestReader reader)
    {
        var text = reader.OptionalString("SecretString");
        var encoded = reader.OptionalString("SecretBinary");
        if (text is not null && encoded is not null)
            throw SecretsErrors.InvalidParameter("You can't specify both a binary secret value and a string secret value in the same secret.");
        try
        {
            return (text, encoded is null ? null : Convert.FromBase64String(encoded));
        }
        catch (FormatException)
        {
            throw SecretsErrors.InvalidParameter("SecretBinary must be base64-encoded.");
        }
    }

    private static void ValidateToken(string token)
    {
        if (token.Length is < 32 or > 64)
            throw SecretsErrors.InvalidParameter("ClientRequestToken must be between 32 and 64 characters.");
    }

    private static List<KeyValuePair<string, string>> Tags(RequestReader reader) =>
        (reader.OptionalObjectList("Tags") ?? [])
        .Select(t => KeyValuePair.Create(t.RequiredString("Key"), t.OptionalString("Value") ?? ""))
        .ToList();
}
