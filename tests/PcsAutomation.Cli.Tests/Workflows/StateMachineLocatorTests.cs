using PcsAutomation.Cli.Workflows;

namespace PcsAutomation.Cli.Tests.Workflows;

public class StateMachineLocatorTests
{
    private static StateMachineListItem Machine(string name) => new($"arn:aws:states:us-east-1:111122223333:stateMachine:{name}", name);

    [Fact]
    public void Choose_NamePrefix_TheMachineTheTemplateNamesAfterIt()
    {
        var arn = StateMachineLocator.Choose([Machine("prod-cluster-secret-rotation"), Machine("dev-cluster-secret-rotation")], WorkflowMachine.ClusterSecretRotation, "dev");

        Assert.EndsWith(":dev-cluster-secret-rotation", arn, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_UnknownPrefix_SaysWhatWasLookedForAndHowToPassTheArn()
    {
        var error = Assert.Throws<CliException>(() => StateMachineLocator.Choose([Machine("prod-cluster-secret-rotation")], WorkflowMachine.ClusterSecretRotation, "qa"));

        Assert.Contains("'qa-cluster-secret-rotation'", error.Message, StringComparison.Ordinal);
        Assert.Contains("--state-machine-arn", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_NoPrefixAndOneRotationMachine_ThatOne()
    {
        var arn = StateMachineLocator.Choose([Machine("other"), Machine("ClusterSecretRotationStateMachine")], WorkflowMachine.ClusterSecretRotation, null);

        Assert.EndsWith(":ClusterSecretRotationStateMachine", arn, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_NoPrefixAndTwoStacks_AsksWhichListingThem()
    {
        var error = Assert.Throws<CliException>(() =>
            StateMachineLocator.Choose([Machine("prod-cluster-secret-rotation"), Machine("dev-cluster-secret-rotation")], WorkflowMachine.ClusterSecretRotation, null));

        Assert.Contains("prod-cluster-secret-rotation, dev-cluster-secret-rotation", error.Message, StringComparison.Ordinal);
        Assert.Contains("--name-prefix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_NoMachines_SaysHowToPassIt()
    {
        var error = Assert.Throws<CliException>(() => StateMachineLocator.Choose([], WorkflowMachine.ClusterSecretRotation, null));

        Assert.Contains("--state-machine-arn", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_RollOutBesideARotation_TheRollOutsMachineByItsOwnSuffix()
    {
        var machines = new[] { Machine("prod-cluster-secret-rotation"), Machine("prod-node-group-update") };

        Assert.EndsWith(":prod-node-group-update", StateMachineLocator.Choose(machines, WorkflowMachine.NodeGroupUpdate, null), StringComparison.Ordinal);
        Assert.EndsWith(":prod-node-group-update", StateMachineLocator.Choose(machines, WorkflowMachine.NodeGroupUpdate, "prod"), StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_NoRollOutMachine_NamesTheRollOutsStackOutput()
    {
        var error = Assert.Throws<CliException>(() => StateMachineLocator.Choose([Machine("prod-cluster-secret-rotation")], WorkflowMachine.NodeGroupUpdate, null));

        Assert.Contains("No roll-out state machine found (none named <prefix>-node-group-update)", error.Message, StringComparison.Ordinal);
        Assert.Contains("NodeGroupUpdateStateMachineArn", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExecutionArn_StateMachineArn_TheDocumentedExecutionArn() =>
        Assert.Equal(
            "arn:aws:states:us-east-1:111122223333:execution:dev-cluster-secret-rotation:rotate-pcs_a-manual-20260105T0800",
            StateMachineLocator.ExecutionArn("arn:aws:states:us-east-1:111122223333:stateMachine:dev-cluster-secret-rotation", "rotate-pcs_a-manual-20260105T0800"));
}
