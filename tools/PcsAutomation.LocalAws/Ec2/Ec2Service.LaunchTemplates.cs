using System.Globalization;
using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Protocol;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Ec2;

public sealed partial class Ec2Service
{
    private const string ResolveSsmPrefix = "resolve:ssm:";

    private string CreatedBy => $"arn:aws:iam::{world.AccountId}:user/local";

    private static readonly FilterSet<LaunchTemplate> TemplateFilters = new(new Dictionary<string, Func<LaunchTemplate, IEnumerable<string?>>>
    {
        ["launch-template-name"] = t => [t.LaunchTemplateName],
        ["create-time"] = t => [AwsTimestamp.Iso8601(t.CreateTime)],
    }, _ => new Dictionary<string, string>());

    private JsonObject DescribeLaunchTemplates(QueryRequest query)
    {
        var ids = query.List("LaunchTemplateId");
        var names = query.List("LaunchTemplateName");
        foreach (var id in ids.Where(id => !world.LaunchTemplates.ContainsKey(id))) throw TemplateIdNotFound(id);
        foreach (var name in names.Where(n => world.LaunchTemplates.Values.All(t => t.LaunchTemplateName != n))) throw TemplateNameNotFound(name);
        var templates = world.LaunchTemplates.Values
            .Where(t => ids.Count == 0 || ids.Contains(t.LaunchTemplateId))
            .Where(t => names.Count == 0 || names.Contains(t.LaunchTemplateName));
        var list = TemplateFilters.Apply(templates, query.Filters())
            .OrderBy(t => t.CreateTime).ThenBy(t => t.LaunchTemplateId, StringComparer.Ordinal).ToList();
        var (page, next) = Paging.Page(list, query.Number("MaxResults", 1, 200), query.Text("NextToken"));
        return new JsonObject
        {
            ["launchTemplates"] = new JsonArray(page.Select(t => (JsonNode)Ec2Json.LaunchTemplate(t, CreatedBy)).ToArray()),
            ["nextToken"] = next,
        };
    }

    private static FilterSet<LaunchTemplateVersion> VersionFilters(LaunchTemplate template) => new(new Dictionary<string, Func<LaunchTemplateVersion, IEnumerable<string?>>>
    {
        ["image-id"] = v => [v.ImageId],
        ["instance-type"] = v => [v.InstanceType],
        ["is-default-version"] = v => [v.VersionNumber == template.DefaultVersion ? "true" : "false"],
    }, _ => new Dictionary<string, string>());

    /// <summary>Versions by number, <c>$Latest</c> or <c>$Default</c>, or a Min/Max range; ResolveAlias resolves <c>resolve:ssm:</c> image ids.</summary>
    private JsonObject DescribeLaunchTemplateVersions(QueryRequest query)
    {
        var template = Template(query);
        var requested = query.List("LaunchTemplateVersion");
        List<LaunchTemplateVersion> versions;
        if (requested.Count > 0)
        {
            versions = requested.Select(v => template.Find(v) ?? throw VersionNotFound(template, v)).Distinct().ToList();
        }
        else
        {
            var min = VersionBound(template, query.Text("MinVersion"), 0);
            var max = VersionBound(template, query.Text("MaxVersion"), int.MaxValue);
            versions = template.Versions.Where(v => v.VersionNumber >= min && v.VersionNumber <= max)
                .OrderByDescending(v => v.VersionNumber).ToList();
        }
        var list = VersionFilters(template).Apply(versions, query.Filters()).ToList();
        var (page, next) = Paging.Page(list, query.Number("MaxResults", 1, 200), query.Text("NextToken"));
        var resolve = query.Bool("ResolveAlias");
        return new JsonObject
        {
            ["launchTemplateVersionSet"] = new JsonArray(page.Select(v => (JsonNode)Ec2Json.LaunchTemplateVersion(template, v, CreatedBy,
                resolve ? ResolveImage(v.ImageId) : null)).ToArray()),
            ["nextToken"] = next,
        };
    }

    /// <summary>
    /// A new version from LaunchTemplateData, on top of SourceVersion's data when given. ClientToken makes a retry
    /// return the same version; the same token with other parameters is IdempotentParameterMismatch.
    /// </summary>
    private JsonNode CreateLaunchTemplateVersion(QueryRequest query)
    {
        var replay = tokens.Replay("CreateLaunchTemplateVersion", query.Parameters, () => Ec2Errors.Error("IdempotentParameterMismatch",
            "The client token you have provided is associated with a resource that has different parameters."));
        if (replay is not null) return replay;
        var template = Template(query);
        var source = query.Text("SourceVersion") is { } sourceVersion
            ? template.Find(sourceVersion) ?? throw VersionNotFound(template, sourceVersion)
            : null;
        var imageId = query.Text("LaunchTemplateData.ImageId") ?? source?.ImageId;
        if (imageId is not null && !imageId.StartsWith("ami-", StringComparison.Ordinal) && !imageId.StartsWith(ResolveSsmPrefix, StringComparison.Ordinal))
            throw Ec2Errors.Error("InvalidAMIID.Malformed", $"Invalid id: \"{Ec2Errors.Clip(imageId)}\" (expecting \"ami-...\")");
        var reservation = query.Text("LaunchTemplateData.CapacityReservationSpecification.CapacityReservationTarget.CapacityReservationId")
                          ?? source?.CapacityReservationId;
        var tagSpecifications = TagSpecifications(query) ?? source?.TagSpecifications;
        var version = new LaunchTemplateVersion(
            template.Versions.Count == 0 ? 1 : template.Versions.Max(v => v.VersionNumber) + 1,
            world.Now,
            imageId,
            query.Text("LaunchTemplateData.InstanceType") ?? source?.InstanceType,
            reservation,
            query.Text("LaunchTemplateData.InstanceMarketOptions.MarketType") ?? source?.MarketType,
            query.Text("VersionDescription"),
            query.Text("LaunchTemplateData.UserData") ?? source?.UserData,
            tagSpecifications);
        template.Versions.Add(version);
        var response = new JsonObject { ["launchTemplateVersion"] = Ec2Json.LaunchTemplateVersion(template, version, CreatedBy, null) };
        tokens.Remember("CreateLaunchTemplateVersion", query.Parameters, response);
        return response;
    }

    private static Dictionary<string, IReadOnlyDictionary<string, string>>? TagSpecifications(QueryRequest query)
    {
        const string prefix = "LaunchTemplateData.TagSpecification";
        var indexes = query.Indexes(prefix);
        if (indexes.Count == 0) return null;
        return indexes.ToDictionary(
            i => query.Text($"{prefix}.{i}.ResourceType") ?? "instance",
            i => (IReadOnlyDictionary<string, string>)query.Tags($"{prefix}.{i}.Tag"),
            StringComparer.Ordinal);
    }

    private LaunchTemplate Template(QueryRequest query)
    {
        if (query.Text("LaunchTemplateId") is { } id)
            return world.LaunchTemplates.GetValueOrDefault(id) ?? throw TemplateIdNotFound(id);
        if (query.Text("LaunchTemplateName") is { } name)
            return world.LaunchTemplates.Values.FirstOrDefault(t => t.LaunchTemplateName == name) ?? throw TemplateNameNotFound(name);
        throw Ec2Errors.MissingParameter("LaunchTemplateId or LaunchTemplateName");
    }

    private static int VersionBound(LaunchTemplate template, string? bound, int fallback) =>
        bound switch
        {
            null => fallback,
            "$Latest" or "$Default" => template.Find(bound)?.VersionNumber ?? fallback,
            _ => int.TryParse(bound, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw Ec2Errors.InvalidParameterValue($"Invalid version: {Ec2Errors.Clip(bound)}"),
        };

    /// <summary><c>resolve:ssm:/name</c> → the SSM parameter's value, as EC2 does at launch and with ResolveAlias.</summary>
    private string? ResolveImage(string? imageId)
    {
        if (imageId is null || !imageId.StartsWith(ResolveSsmPrefix, StringComparison.Ordinal)) return null;
        var name = imageId[ResolveSsmPrefix.Length..];
        return world.Parameters.GetValueOrDefault(name)?.Value
               ?? throw Ec2Errors.InvalidParameterValue($"Could not resolve the SSM parameter {Ec2Errors.Clip(name)}");
    }

    private static AwsServiceException TemplateIdNotFound(string id) =>
        Ec2Errors.Error("InvalidLaunchTemplateId.NotFound", $"The specified launch template, with template ID {Ec2Errors.Clip(id)}, does not exist.");

    private static AwsServiceException TemplateNameNotFound(string name) =>
        Ec2Errors.Error("InvalidLaunchTemplateName.NotFoundException", $"The specified launch template, with template name {Ec2Errors.Clip(name)}, does not exist.");

    private static AwsServiceException VersionNotFound(LaunchTemplate template, string version) =>
        Ec2Errors.Error("InvalidLaunchTemplateId.VersionNotFound",
            $"Could not find launch template version {Ec2Errors.Clip(version)} for template {template.LaunchTemplateId}.");
}
