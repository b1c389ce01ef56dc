using System.Text.Json.Nodes;
using PcsAutomation.Functions.Rotation;
using PcsAutomation.Functions.Tests.Support;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.Functions.Tests.Rotation;

public sealed class RefreshLoginNodesHandlerTests
{
    private const string Owner = "arn:aws:states:us-east-1:111122223333:execution:ClusterSecretRotationStateMachine:rotate-1";
    private const string ByoTag = "pcs-automation:byo-login-for";

    [Fact] // guide L2434-2438, L4018-4042: the new key to /etc/slurm/slurm.key (slurm:slurm, 0600), then restart sackd
    public async Task RefreshLoginNodes_TwoClustersLoginNodes_TargetsOnlyThisClustersAndScriptCarriesNoKey()
    {
        await using var harness = await HandlerHarness.StartAsync(LoginScenario());
        var mine = Instance(harness, "login-c");
        var input = Input(harness, [mine]);

        var output = await harness.InvokeAsync("RefreshLoginNodes", input);

        var command = harness.Aws.State.Commands[output["commandId"]!.GetValue<string>()];
        var script = string.Join("\n", command.Commands);
        Assert.Equal([mine], command.InstanceIds);
        Assert.Equal([mine], output["instanceIds"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("AWS-RunShellScript", command.DocumentName);
        Assert.Equal("set -euo pipefail", command.Commands[0]);
        Assert.Contains($"--secret-id '{harness.SecretArn("c")}'", script, StringComparison.Ordinal);
        Assert.Contains("--region 'us-east-1'", script, StringComparison.Ordinal);
        Assert.Contains("base64 -d", script, StringComparison.Ordinal);
        Assert.Contains("install -o slurm -g slurm -m 0600", script, StringComparison.Ordinal);
        Assert.Contains("/etc/slurm/slurm.key", script, StringComparison.Ordinal);
        Assert.EndsWith("systemctl restart sackd", script, StringComparison.Ordinal);
        Assert.All(harness.SecretValues(), value => Assert.DoesNotContain(value, script, StringComparison.Ordinal));
        Assert.All(harness.SecretValues(), value =>
            Assert.DoesNotContain(value, string.Join("\n", command.Parameters.SelectMany(p => p.Value)), StringComparison.Ordinal));
        Assert.Empty(harness.Aws.Calls.Of("secretsmanager"));
        harness.AssertNoSecretValueLeaked();
    }

    [Fact]
    public async Task RefreshLoginNodes_NoLoginNode_NoCommandSent()
    {
        await using var harness = await HandlerHarness.StartAsync(LoginScenario());

        var output = await harness.InvokeAsync("RefreshLoginNodes", Input(harness, []));

        Assert.Null(output["commandId"]);
        Assert.Empty(output["instanceIds"]!.AsArray());
        Assert.Empty(harness.Aws.Calls.Of("ssm"));
    }

    [Fact]
    public async Task RefreshLoginNodes_NotAnInstanceId_InvalidWorkflowInputAndNoCommand()
    {
        await using var harness = await HandlerHarness.StartAsync(LoginScenario());

        var error = await Assert.ThrowsAsync<InvalidWorkflowInput>(() => harness.InvokeAsync("RefreshLoginNodes", Input(harness, ["i-123; rm -rf /"])));

        Assert.Contains("loginInstances", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Aws.Calls.Of("ssm"));
    }

    [Fact]
    public async Task CheckLoginNodes_ScriptSucceeded_DoneWithEveryNodeSucceeded()
    {
        await using var harness = await HandlerHarness.StartAsync(LoginScenario());
        var ids = new[] { Instance(harness, "login-c"), Instance(harness, "login-c2") };
        var sent = await harness.InvokeAsync("RefreshLoginNodes", Input(harness, ids));
        harness.Aws.Clock.Advance(TimeSpan.FromSeconds(10));

        var output = await harness.InvokeAsync("CheckLoginNodes", Check(sent, attempt: 0));

        Assert.True(output["done"]!.GetValue<bool>());
        Assert.Equal(ids.Order(StringComparer.Ordinal), output["succeeded"]!.AsArray().Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Empty(output["failed"]!.AsArray());
        Assert.Equal(1, output["attempt"]!.GetValue<int>());
        Assert.Equal(15, output["waitSeconds"]!.GetValue<int>());
    }

    [Fact]
    public async Task CheckLoginNodes_ScriptFailedOnOneNode_DoneWithThatNodeFailed()
    {
        await using var harness = await HandlerHarness.StartAsync(LoginScenario().WithSsmAgent("login-c2", "fail", exitCode: 1));
        var (good, bad) = (Instance(harness, "login-c"), Instance(harness, "login-c2"));
        var sent = await harness.InvokeAsync("RefreshLoginNodes", Input(harness, [good, bad]));
        harness.Aws.Clock.Advance(TimeSpan.FromSeconds(10));

        var output = await harness.InvokeAsync("CheckLoginNodes", Check(sent, attempt: 1));

        var failed = Assert.Single(output["failed"]!.AsArray())!;
        Assert.True(output["done"]!.GetValue<bool>());
        Assert.Equal([good], output["succeeded"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(bad, failed["instanceId"]!.GetValue<string>());
        Assert.Equal("Failed", failed["status"]!.GetValue<string>());
        Assert.Equal(30, output["waitSeconds"]!.GetValue<int>());
    }

    [Fact]
    public async Task CheckLoginNodes_RightAfterSend_NotDone()
    {
        await using var harness = await HandlerHarness.StartAsync(LoginScenario());
        var sent = await harness.InvokeAsync("RefreshLoginNodes", Input(harness, [Instance(harness, "login-c")]));

        var output = await harness.InvokeAsync("CheckLoginNodes", Check(sent, attempt: 0));

        Assert.False(output["done"]!.GetValue<bool>());
        Assert.Empty(output["succeeded"]!.AsArray());
        Assert.Empty(output["failed"]!.AsArray());
    }

    [Fact] // SSM may answer InvocationDoesNotExist for a moment after SendCommand
    public async Task CheckLoginNodes_InvocationDoesNotExistYet_CountsAsPending()
    {
        await using var harness = await HandlerHarness.StartAsync(LoginScenario());
        var input = new JsonObject
        {
            ["commandId"] = "00000000-0000-0000-0000-00000000abcd",
            ["instanceIds"] = new JsonArray(Instance(harness, "login-c")),
            ["attempt"] = 0,
        };

        var output = await harness.InvokeAsync("CheckLoginNodes", input);

        Assert.False(output["done"]!.GetValue<bool>());
        Assert.Contains(harness.Aws.Calls.Of("ssm", "GetCommandInvocation"), c => c.ErrorCode == "InvocationDoesNotExist");
    }

    [Fact]
    public async Task CheckLoginNodes_NoCommand_DoneAtOnce()
    {
        await using var harness = await HandlerHarness.StartAsync(LoginScenario());

        var output = await harness.InvokeAsync("CheckLoginNodes", """{"commandId":null,"instanceIds":[],"attempt":0}""");

        Assert.True(output["done"]!.GetValue<bool>());
        Assert.Empty(harness.Aws.Calls.Of("ssm"));
    }

    private static Scenario LoginScenario() =>
        Scenario.Cluster("c").WithNodeGroup("compute-1", 0, 4)
            .AndCluster("other")
            .WithInstance("login-c", (ByoTag, "c"))
            .WithInstance("login-c2", (ByoTag, "c"))
            .WithInstance("login-other", (ByoTag, "other"));

    private static string Instance(HandlerHarness harness, string name) =>
        harness.Aws.State.Instances.Values.Single(i => i.Tags.GetValueOrDefault("Name") == name).InstanceId;

    private static JsonObject Input(HandlerHarness harness, string[] instances) => new()
    {
        ["clusterId"] = harness.ClusterId("c"),
        ["executionArn"] = Owner,
        ["secretArn"] = harness.SecretArn("c"),
        ["loginInstances"] = new JsonArray([.. instances.Select(i => (JsonNode)i)]),
    };

    private static JsonObject Check(JsonNode sent, int attempt) => new()
    {
        ["commandId"] = sent["commandId"]!.GetValue<string>(),
        ["instanceIds"] = sent["instanceIds"]!.DeepClone(),
        ["attempt"] = attempt,
    };
}
