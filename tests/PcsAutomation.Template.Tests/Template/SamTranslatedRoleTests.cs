using System.Text.Json.Nodes;
using PcsAutomation.Template.Tests.Yaml;

namespace PcsAutomation.Template.Tests.Template;

/// <summary>
/// The roles SAM generates, read from the machine's SAM translator (the one cfn-lint runs): what a conditional
/// <c>VpcConfig</c> (<c>!If [SlurmRestNetworkConfigured, ..., !Ref AWS::NoValue]</c>) does to a function's role.
/// </summary>
public class SamTranslatedRoleTests
{
    // Lambda creates the function's network interfaces with the execution role's permissions; AWS's managed policy for
    // that (docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaVPCAccessExecutionRole.html).
    private const string VpcAccess = "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole";

    /// <summary>A guard against a hung translator only (a few seconds on a quiet machine).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    private static async Task<JsonObject> TranslatedRolesAsync()
    {
        var result = await ExternalTool.RunAsync("python3", [RepoPaths.Fixture("Sam/translate.py"), RepoPaths.Template], RepoPaths.Root, Patience);
        Assert.True(result.ExitCode == 0, "the SAM translator failed: " + result);
        return JsonNode.Parse(result.StandardOutput)!.AsObject();
    }

    [Fact] // the translator attaches the policy whenever VpcConfig is present, even as an !If that may render to nothing
    public async Task Translate_FunctionsWithConditionalVpcConfig_GetTheVpcAccessPolicyAndNoOtherFunctionDoes()
    {
        var roles = await TranslatedRolesAsync();
        var functions = SamTemplate.Functions(CloudFormationYaml.Load(RepoPaths.Template)!);
        var inVpc = functions.Where(f => f.Properties["VpcConfig"] is not null).Select(f => f.LogicalId).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(inVpc);
        Assert.All(functions, f =>
        {
            var policies = roles[f.LogicalId + "Role"]?.AsArray().Select(p => p?.ToJsonString()).ToList();
            Assert.True(policies is not null, $"{f.LogicalId}: no generated role {f.LogicalId}Role");
            Assert.True(inVpc.Contains(f.LogicalId) == policies.Contains($"\"{VpcAccess}\""),
                $"{f.LogicalId}: VpcConfig {(inVpc.Contains(f.LogicalId) ? "set" : "absent")}, managed policies {string.Join(", ", policies)}");
        });
    }
}
