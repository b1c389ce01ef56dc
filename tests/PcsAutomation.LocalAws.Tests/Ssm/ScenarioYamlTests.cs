using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.LocalAws.Tests.Ssm;

public class ScenarioYamlTests
{
    private const string Yaml = """
        name: ami-and-ssm
        images:
          - name: team-pcs-slurm-25.11-v7
            description: team image, Slurm 25.11.2
            architecture: arm64
            created: -2d
            deprecated: +1h
            tags:
              pcs-automation:channel: stable
        parameters:
          - name: /team/pcs/ami/stable
            image: team-pcs-slurm-25.11-v7
          - name: /team/pcs/notify-token
            value: do-not-print-me
            type: SecureString
        instances:
          - name: byo-login
            tags:
              pcs-automation:byo-login-for: demo
          - name: old-login
        ssmAgents:
          - instance: byo-login
            outcome: fail
            exitCode: 2
            stderr: sackd not found
            duration: 20s
          - instance: old-login
            outcome: unmanaged
        """;

    private static LocalAws Account() => LocalAws.CreateInProcess(new LocalAwsOptions { Scenario = ScenarioFile.Parse(Yaml) });

    [Fact]
    public void ScenarioYaml_ImageAndParameter_ParameterPointsAtTheImage()
    {
        var aws = Account();

        var parameter = aws.Call("ssm", "GetParameter", new JsonObject { ["Name"] = "/team/pcs/ami/stable" })["Parameter"]!;
        var images = aws.Call("ec2", "DescribeImages", new JsonObject { ["ImageId.1"] = parameter["Value"]!.GetValue<string>() })["imagesSet"]!.AsArray();

        var image = Assert.Single(images)!;
        Assert.Equal(("team-pcs-slurm-25.11-v7", "arm64", "111122223333"),
            (image["name"]!.GetValue<string>(), image["architecture"]!.GetValue<string>(), image["imageOwnerId"]!.GetValue<string>()));
        Assert.Equal("stable", image["tagSet"]![0]!["value"]!.GetValue<string>());
        Assert.Equal("aws:ec2:image", parameter["DataType"]!.GetValue<string>());
    }

    [Fact]
    public void ScenarioYaml_SecureStringParameter_HiddenWithoutDecryption()
    {
        var aws = Account();

        var hidden = aws.Call("ssm", "GetParameter", new JsonObject { ["Name"] = "/team/pcs/notify-token" })["Parameter"]!;

        Assert.Equal("SecureString", hidden["Type"]!.GetValue<string>());
        Assert.DoesNotContain("do-not-print-me", hidden.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ScenarioYaml_SsmAgents_FailingNodeFailsAndUnmanagedNodeIsNotTargeted()
    {
        var aws = Account();

        var command = aws.Call("ssm", "SendCommand", new JsonObject
        {
            ["DocumentName"] = "AWS-RunShellScript",
            ["Targets"] = new JsonArray(new JsonObject { ["Key"] = "tag-key", ["Values"] = new JsonArray("Name") }),
            ["Parameters"] = new JsonObject { ["commands"] = new JsonArray("systemctl restart sackd") },
        })["Command"]!;
        aws.Clock.Advance(TimeSpan.FromSeconds(30));

        var recorded = aws.State.Commands[command["CommandId"]!.GetValue<string>()];
        var invocation = Assert.Single(recorded.Invocations.Values);
        Assert.Equal(("byo-login", "Failed", 2, "sackd not found"),
            (invocation.InstanceName, invocation.Status, invocation.ResponseCode, invocation.StandardError));
        Assert.Equal(1, command["TargetCount"]!.GetValue<int>());
    }
}
