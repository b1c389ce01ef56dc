using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PcsAutomation.Template.Tests.Iam;

/// <summary>
/// ssm:SendCommand with AWS-RunShellScript is a root shell: only on the instances tagged with the stack's BYO login tag
/// key (Systems Manager guide, "Restricting Run Command access based on tags",
/// https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-rc-setting-up-cmdsec.html).
/// </summary>
public class RunCommandPolicyTests
{
    private const string RunShellScript = """{"Fn::Sub":"arn:${AWS::Partition}:ssm:${AWS::Region}::document/AWS-RunShellScript"}""";
    private const string Instances = """{"Fn::Sub":"arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:instance/*"}""";

    [Fact]
    public void Template_RunCommand_OnlyTheRunShellScriptDocument()
    {
        var resources = SendCommand().SelectMany(s => s.Resources).ToList();

        Assert.Contains(RunShellScript, resources);
        Assert.All(resources, r => Assert.Contains(r, new[] { RunShellScript, Instances }));
    }

    [Fact]
    public void Template_RunCommandOnInstances_RequiresTheStacksByoLoginTagKey()
    {
        var onInstances = SendCommand().Where(s => s.Resources.Contains(Instances)).ToList();

        Assert.NotEmpty(onInstances);
        Assert.All(onInstances, s => Assert.Equal("""{"StringLike":{"ssm:resourceTag/${ByoLoginTagKey}":"*"}}""", s.Condition?.ToJsonString()));
        // the ${ByoLoginTagKey} above is substituted: the statement comes from a Fn::Sub'd document, and names the parameter
        Assert.All(onInstances, s => Assert.IsAssignableFrom<JsonValue>(PolicyDocument(s.Policy)?["Fn::Sub"]));
        Assert.NotNull(TemplateConditions.Load()["Parameters"]?["ByoLoginTagKey"]);
    }

    [Fact]
    public void Template_RunCommand_DocumentAndInstancesInSeparateStatements()
    {
        // A tag condition is evaluated against every resource of its statement: on the document's, it would refuse it.
        var mixed = SendCommand().Where(s => s.Resources.Contains(RunShellScript) && s.Resources.Contains(Instances));

        Assert.Empty(mixed.Select(s => s.ToString()));
    }

    [Theory]
    [InlineData("pcs-automation:byo-login-for")]
    [InlineData("team:slurm login/of@site+1=x")]
    public void Template_SubstitutedPolicyDocuments_AreJsonWithTheTagKeyInTheConditionKey(string tagKey)
    {
        var template = TemplateConditions.Load();
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["ByoLoginTagKey"] = tagKey };
        var documents = SubstitutedDocuments(template).Select(d => JsonNode.Parse(Substitute(template, d.Name, d.Text, values))!.AsObject()).ToList();

        Assert.NotEmpty(documents);
        Assert.All(documents, d => Assert.Equal("2012-10-17", (string?)d["Version"]));
        var conditionKeys = documents.SelectMany(d => d["Statement"]!.AsArray())
            .SelectMany(s => s?["Condition"]?.AsObject().SelectMany(o => o.Value!.AsObject().Select(k => k.Key)) ?? []);
        Assert.Contains($"ssm:resourceTag/{tagKey}", conditionKeys);
    }

    [Theory]
    [InlineData("pcs-automation:byo-login-for", true)]
    [InlineData("team:slurm-login-of", true)]
    [InlineData("Name With Space", true)]
    [InlineData("quote\"inside", false)]
    [InlineData("back\\slash", false)]
    [InlineData("new\nline", false)]
    public void ByoLoginTagKey_AllowedPattern_RejectsWhatWouldBreakThePolicyJson(string tagKey, bool allowed)
    {
        // CloudFormation's AllowedPattern is a Java regular expression; this character class reads the same in .NET.
        var pattern = (string)TemplateConditions.Load()["Parameters"]!["ByoLoginTagKey"]!["AllowedPattern"]!;

        Assert.Equal(allowed, Regex.IsMatch(tagKey, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)));
    }

    private static List<IamStatement> SendCommand()
    {
        var statements = IamStatements.Read(TemplateConditions.Load()).Where(s => s.Actions.Contains("ssm:SendCommand")).ToList();
        Assert.NotEmpty(statements);
        return statements;
    }

    private static JsonNode? PolicyDocument(string? policy) =>
        policy is null ? null : TemplateConditions.Load()["Resources"]?[policy]?["Properties"]?["PolicyDocument"];

    /// <summary>Every managed policy whose document is a <c>Fn::Sub</c>'d JSON string.</summary>
    private static IEnumerable<(string Name, string Text)> SubstitutedDocuments(JsonNode template) =>
        template["Resources"]!.AsObject()
            .Where(r => (string?)r.Value?["Type"] == "AWS::IAM::ManagedPolicy")
            .Select(r => (r.Key, Text: r.Value!["Properties"]?["PolicyDocument"]?["Fn::Sub"] is JsonValue v && v.TryGetValue<string>(out var t) ? t : null))
            .Where(d => d.Text is not null)
            .Select(d => (d.Key, d.Text!));

    /// <summary>
    /// What Fn::Sub makes of <paramref name="text"/>: pseudo parameters get example values, parameters <paramref name="values"/> or their default;
    /// any other name fails (CloudFormation refuses the template then).
    /// </summary>
    private static string Substitute(JsonNode template, string policy, string text, Dictionary<string, string> values)
    {
        var parameters = template["Parameters"]!.AsObject();
        return Regex.Replace(text, @"\$\{([^}!]+)\}", match => match.Groups[1].Value switch
        {
            "AWS::Partition" => "aws",
            "AWS::Region" => "us-east-1",
            "AWS::AccountId" => "123456789012",
            var name when values.TryGetValue(name, out var value) => value,
            var name when parameters.ContainsKey(name) => (string?)parameters[name]?["Default"] ?? "",
            var name => throw new InvalidOperationException($"{policy}: Fn::Sub names ${{{name}}}, which is neither a parameter nor a pseudo parameter"),
        }, RegexOptions.None, TimeSpan.FromSeconds(1));
    }
}
