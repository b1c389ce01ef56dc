using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.Tests.Ec2;

namespace PcsAutomation.LocalAws.Tests.Ssm;

public class RunCommandTests
{
    private const string ByoTag = "pcs-automation:byo-login-for";

    private static Scenario Demo() =>
        Scenario.Cluster("demo").WithNodeGroup("compute-1", min: 2, max: 4).WithQueue("q", "compute-1")
            .WithInstance("byo-login", (ByoTag, "demo"));

    private static SendCommandRequest RestartSackd(params Target[] targets) => new()
    {
        DocumentName = "AWS-RunShellScript",
        Targets = [.. targets],
        Parameters = new Dictionary<string, List<string>> { ["commands"] = ["install -m 0600 -o slurm -g slurm /tmp/slurm.key /etc/slurm/slurm.key", "systemctl restart sackd"] },
        Comment = "guide L4018-4042: new slurm.key on BYO login nodes",
    };

    private static Task<GetCommandInvocationResponse> InvocationAsync(SdkAccount account, string commandId, string instanceId) =>
        account.Ssm.GetCommandInvocationAsync(new GetCommandInvocationRequest { CommandId = commandId, InstanceId = instanceId });

    private static string InstanceNamed(SdkAccount account, string name) =>
        account.Aws.State.Instances.Values.Single(i => i.Tags.GetValueOrDefault("Name") == name).InstanceId;

    [Fact] // guide L4018-4042: BYO login nodes get the new key and a sackd restart; here through Run Command by tag
    public async Task SendCommand_ByTag_PendingInProgressSuccessOnVirtualClock()
    {
        var scenario = Demo().WithSsmAgent("byo-login", "success", stdout: "sackd restarted\n");
        await using var account = await SdkAccount.StartAsync(scenario);
        var byo = InstanceNamed(account, "byo-login");

        var command = (await account.Ssm.SendCommandAsync(RestartSackd(new Target { Key = "tag:" + ByoTag, Values = ["demo"] }))).Command;
        var pending = await InvocationAsync(account, command.CommandId, byo);
        account.Advance(TimeSpan.FromSeconds(2));
        var inProgress = await InvocationAsync(account, command.CommandId, byo);
        account.Advance(TimeSpan.FromSeconds(10));
        var done = await InvocationAsync(account, command.CommandId, byo);

        Assert.Equal(1, command.TargetCount);
        Assert.Equal(CommandStatus.Pending, command.Status);
        Assert.Equal(CommandInvocationStatus.Pending, pending.Status);
        Assert.Equal(CommandInvocationStatus.InProgress, inProgress.Status);
        Assert.Equal(CommandInvocationStatus.Success, done.Status);
        Assert.Equal(0, done.ResponseCode);
        Assert.Equal("sackd restarted\n", done.StandardOutputContent);
        var recorded = account.Aws.State.Commands[command.CommandId];
        Assert.Equal("systemctl restart sackd", recorded.Commands[1]);
        Assert.Equal([byo], recorded.Invocations.Keys);
        Assert.Equal("Success", recorded.Status);
    }

    [Fact]
    public async Task SendCommand_InjectedFailure_FailedWithExitCodeAndStderr()
    {
        var scenario = Demo().WithSsmAgent("byo-login", "fail", exitCode: 3, stderr: "Job for sackd.service failed.");
        await using var account = await SdkAccount.StartAsync(scenario);
        var byo = InstanceNamed(account, "byo-login");

        var command = (await account.Ssm.SendCommandAsync(RestartSackd(new Target { Key = "tag:Name", Values = ["byo-login"] }))).Command;
        account.Advance(TimeSpan.FromMinutes(1));
        var invocation = await InvocationAsync(account, command.CommandId, byo);

        Assert.Equal(CommandInvocationStatus.Failed, invocation.Status);
        Assert.Equal(3, invocation.ResponseCode);
        Assert.Equal("Job for sackd.service failed.", invocation.StandardErrorContent);
        Assert.Equal("Failed", account.Aws.State.Commands[command.CommandId].Status);
    }

    [Fact]
    public async Task SendCommand_AgentTimesOut_TimedOutAfterExecutionTimeout()
    {
        var scenario = Demo().WithSsmAgent("byo-login", "timeout");
        await using var account = await SdkAccount.StartAsync(scenario);
        var byo = InstanceNamed(account, "byo-login");
        var request = RestartSackd();
        request.InstanceIds = [byo];
        request.Targets = null;
        request.Parameters["executionTimeout"] = ["120"];

        var command = (await account.Ssm.SendCommandAsync(request)).Command;
        account.Advance(TimeSpan.FromSeconds(100));
        var running = await InvocationAsync(account, command.CommandId, byo);
        account.Advance(TimeSpan.FromSeconds(30));
        var timedOut = await InvocationAsync(account, command.CommandId, byo);

        Assert.Equal(CommandInvocationStatus.InProgress, running.Status);
        Assert.Equal(CommandInvocationStatus.TimedOut, timedOut.Status);
        Assert.Equal("ExecutionTimedOut", timedOut.StatusDetails);
    }

    [Fact]
    public async Task SendCommand_Undeliverable_FailedUndeliverable()
    {
        var scenario = Demo().WithSsmAgent("byo-login", "undeliverable", duration: "30s");
        await using var account = await SdkAccount.StartAsync(scenario);
        var byo = InstanceNamed(account, "byo-login");

        var command = (await account.Ssm.SendCommandAsync(RestartSackd(new Target { Key = "tag-key", Values = [ByoTag] }))).Command;
        account.Advance(TimeSpan.FromSeconds(10));
        var waiting = await InvocationAsync(account, command.CommandId, byo);
        account.Advance(TimeSpan.FromSeconds(30));
        var undeliverable = await InvocationAsync(account, command.CommandId, byo);

        Assert.Equal(CommandInvocationStatus.Pending, waiting.Status);
        Assert.Equal((CommandInvocationStatus.Failed, "Undeliverable", -1), (undeliverable.Status, undeliverable.StatusDetails, undeliverable.ResponseCode!.Value));
    }

    [Fact]
    public async Task SendCommand_UnmanagedInstanceById_InvalidInstanceIdAndNothingRecorded()
    {
        var scenario = Demo().WithSsmAgent("byo-login", "unmanaged");
        await using var account = await SdkAccount.StartAsync(scenario);
        var request = RestartSackd();
        request.Targets = null;
        request.InstanceIds = [InstanceNamed(account, "byo-login")];

        var error = await Assert.ThrowsAsync<InvalidInstanceIdException>(() => account.Ssm.SendCommandAsync(request));

        Assert.Equal("InvalidInstanceId", error.ErrorCode);
        Assert.Empty(account.Aws.State.Commands);
    }

    [Fact]
    public async Task SendCommand_PendingInstanceById_InvalidInstanceId()
    {
        await using var account = await SdkAccount.StartAsync(Demo());
        var request = RestartSackd();
        request.Targets = null;
        request.InstanceIds = [account.Aws.State.Instances.Values.First(i => i.State == "pending").InstanceId]; // PCS just launched it

        var error = await Assert.ThrowsAsync<InvalidInstanceIdException>(() => account.Ssm.SendCommandAsync(request));

        Assert.Contains(request.InstanceIds[0], error.Message, StringComparison.Ordinal);
    }

    [Fact] // guide L704-755: PCS nodes carry AmazonSSMManagedInstanceCore, so Run Command reaches them by cluster tag
    public async Task SendCommand_PcsClusterTag_EveryRunningNodeOfTheCluster()
    {
        await using var account = await SdkAccount.StartAsync(Demo());
        account.Advance(TimeSpan.FromMinutes(5));
        var clusterId = account.ClusterId("demo");

        var command = (await account.Ssm.SendCommandAsync(RestartSackd(new Target { Key = "tag:aws:pcs:cluster-id", Values = [clusterId] }))).Command;
        account.Advance(TimeSpan.FromMinutes(1));
        var invocations = (await account.Ssm.ListCommandInvocationsAsync(new ListCommandInvocationsRequest { CommandId = command.CommandId, Details = true })).CommandInvocations;

        Assert.Equal(2, command.TargetCount);
        Assert.Equal(2, invocations.Count);
        Assert.All(invocations, i => Assert.Equal(CommandInvocationStatus.Success, i.Status));
        Assert.All(invocations, i => Assert.Equal("compute-1", i.InstanceName));
        Assert.All(invocations, i => Assert.Equal(0, Assert.Single(i.CommandPlugins).ResponseCode));
    }

    [Fact]
    public async Task GetCommandInvocation_UnknownCommand_InvocationDoesNotExist()
    {
        await using var account = await SdkAccount.StartAsync(Demo());

        await Assert.ThrowsAsync<InvocationDoesNotExistException>(() =>
            InvocationAsync(account, "11111111-2222-4333-8444-555555555555", InstanceNamed(account, "byo-login")));
    }

    [Fact]
    public async Task SendCommand_UnknownDocument_InvalidDocument()
    {
        await using var account = await SdkAccount.StartAsync(Demo());
        var request = RestartSackd(new Target { Key = "tag:Name", Values = ["byo-login"] });
        request.DocumentName = "AWS-RunRocket";

        await Assert.ThrowsAsync<InvalidDocumentException>(() => account.Ssm.SendCommandAsync(request));
    }

    [Fact] // CloudTrail hides SendCommand parameters (they may carry secrets)
    public async Task SendCommand_CloudTrailEvent_WithoutCommandParameters()
    {
        await using var account = await SdkAccount.StartAsync(Demo());

        await account.Ssm.SendCommandAsync(RestartSackd(new Target { Key = "tag:Name", Values = ["byo-login"] }));

        var trail = account.Aws.CloudTrail.Events.Single(e => e["detail"]!["eventName"]!.GetValue<string>() == "SendCommand");
        Assert.Equal("ssm.amazonaws.com", trail["detail"]!["eventSource"]!.GetValue<string>());
        Assert.Equal("AWS-RunShellScript", trail["detail"]!["requestParameters"]!["DocumentName"]!.GetValue<string>());
        Assert.DoesNotContain("slurm.key", trail.ToJsonString(), StringComparison.Ordinal);
    }
}
