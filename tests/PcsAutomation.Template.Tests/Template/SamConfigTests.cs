using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PcsAutomation.Template.Tests.Yaml;

namespace PcsAutomation.Template.Tests.Template;

/// <summary>samconfig.toml as SAM users deploy with it: a Region, a build in source, and every stack parameter.</summary>
public partial class SamConfigTests
{
    private static readonly string Config = File.ReadAllText(Path.Combine(RepoPaths.Root, "samconfig.toml"));

    /// <summary>The text of one TOML table, up to the next table header, without its comment lines.</summary>
    private static string Table(string name)
    {
        var start = Config.IndexOf($"[{name}]", StringComparison.Ordinal);
        Assert.True(start >= 0, $"samconfig.toml has no [{name}]");
        var next = Config.IndexOf("\n[", start + 1, StringComparison.Ordinal);
        var table = next < 0 ? Config[start..] : Config[start..next];
        return string.Join('\n', table.Split('\n').Where(line => !line.TrimStart().StartsWith('#')));
    }

    private static Dictionary<string, string> Overrides(string environment) =>
        OverridePair().Matches(Table($"{environment}.deploy.parameters"))
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);

    [Theory]
    [InlineData("default")]
    [InlineData("prod")]
    public void SamConfig_ParameterOverrides_EveryStackParameterAndOnlyThose(string environment)
    {
        var parameters = CloudFormationYaml.Load(RepoPaths.Template)!["Parameters"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);

        Assert.Equal(parameters, Overrides(environment).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SamConfig_DefaultEnvironment_EachParameterAtItsTemplateDefault()
    {
        var declared = CloudFormationYaml.Load(RepoPaths.Template)!["Parameters"]!.AsObject();
        var overrides = Overrides("default");

        Assert.All(declared, p => Assert.Equal(Text(p.Value!["Default"]), overrides[p.Key]));
    }

    [Theory]
    [InlineData("default")]
    [InlineData("prod")]
    public void SamConfig_Environment_RegionAndBuildInSource(string environment)
    {
        Assert.Matches("""(?m)^region = "[a-z]{2}(-[a-z]+)+-\d"$""", Table($"{environment}.global.parameters"));
        Assert.Matches("(?m)^build_in_source = true$", Table($"{environment}.build.parameters"));
    }

    private static string Text(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<long>(out var n) => n.ToString(CultureInfo.InvariantCulture),
        null => "",
        _ => value.ToJsonString(),
    };

    // Key=\"value\" inside the TOML basic string (\" is an escaped quote there)
    [GeneratedRegex("""([A-Za-z0-9]+)=\\"([^"\\]*)\\" """)]
    private static partial Regex OverridePair();
}
