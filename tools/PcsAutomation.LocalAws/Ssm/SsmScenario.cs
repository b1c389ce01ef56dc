using PcsAutomation.LocalAws.Ec2;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.World;

namespace PcsAutomation.LocalAws.Ssm;

/// <summary>A scenario parameter (YAML <c>parameters:</c>): a value, or <c>image:</c> the name of a scenario image (its id).</summary>
public sealed class ParameterDefinition
{
    public string Name { get; set; } = "";
    public string? Value { get; set; }
    public string? Image { get; set; }
    public string Type { get; set; } = SsmParameter.StringType;
    public string? Description { get; set; }
}

/// <summary>
/// How an instance's SSM agent behaves (YAML <c>ssmAgents:</c>): <c>instance</c> is its Name tag (PCS nodes are named
/// after their node group) or id; <c>outcome</c> success, fail, timeout, undeliverable or unmanaged.
/// </summary>
public sealed class SsmAgentDefinition
{
    public string Instance { get; set; } = "";
    public string Outcome { get; set; } = "success";
    public int? ExitCode { get; set; }
    public string? Stdout { get; set; }
    public string? Stderr { get; set; }
    public string? Duration { get; set; }

    public SsmAgentRule ToRule() =>
        new(Enum.Parse<SsmOutcome>(Outcome.Replace("timeout", "TimeOut", StringComparison.OrdinalIgnoreCase), ignoreCase: true))
        {
            InstanceId = Instance.StartsWith("i-", StringComparison.Ordinal) ? Instance : null,
            InstanceName = Instance.StartsWith("i-", StringComparison.Ordinal) ? null : Instance,
            ExitCode = ExitCode,
            StandardOutput = Stdout ?? "",
            StandardError = Stderr ?? "",
            Duration = Duration is null ? TimeSpan.FromSeconds(5) : ScenarioTime.Span(Duration),
        };
}

/// <summary>Adds a scenario's images, parameters and SSM agent rules to the world (no API calls, no CloudTrail).</summary>
public static class SsmScenario
{
    public static void Apply(AwsWorld world, ScenarioDefinition scenario, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(scenario);
        var imageIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var definition in scenario.Images)
        {
            var image = definition.ToImage(world, start);
            world.Images[image.ImageId] = image;
            if (definition.Broken) world.BrokenImages.Add(image.ImageId);
            imageIds[definition.Name] = image.ImageId;
        }
        foreach (var definition in scenario.Parameters)
        {
            var value = definition.Image is { } name
                ? imageIds.GetValueOrDefault(name) ?? throw new InvalidOperationException($"Parameter {definition.Name}: no image {name} in the scenario.")
                : definition.Value ?? "";
            world.Parameters[definition.Name] = new SsmParameter
            {
                Name = definition.Name,
                Type = definition.Type,
                Value = value,
                Ciphertext = definition.Type == SsmParameter.SecureString ? "AQICAH" + world.Ids.Base64Key(48) : null,
                Description = definition.Description,
                DataType = definition.Image is null ? "text" : "aws:ec2:image",
                LastModifiedDate = start,
            };
        }
        world.SsmAgents.AddRange(scenario.SsmAgents.Select(a => a.ToRule()));
    }
}
