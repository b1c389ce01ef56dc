namespace PcsAutomation.Cli.Emulator;

/// <summary>The CLI's emulator: the scenario, the SAM template's resources, and the product's handlers in process.</summary>
public static class TemplateEmulator
{
    /// <summary>The template's logical id of the rotation state machine (the emulator names machines by logical id).</summary>
    public const string StateMachineLogicalId = "ClusterSecretRotationStateMachine";

    public static Task<EmulatorSession> StartAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _ = cancellationToken;
        throw new CliException("The emulator cannot load template.yaml's functions yet (waiting for LocalAwsOptions.Template).");
    }
}
