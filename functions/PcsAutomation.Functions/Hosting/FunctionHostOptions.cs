using PcsAutomation.Aws.Runtime;

namespace PcsAutomation.Functions.Hosting;

/// <summary>What <see cref="FunctionHost"/> needs from the process; <c>Program.cs</c> passes the real ones, tests fakes.</summary>
public sealed record FunctionHostOptions
{
    /// <summary>Reads an environment variable (<c>_HANDLER</c>, <c>AWS_LAMBDA_*</c>, ...). Required.</summary>
    public required Func<string, string?> GetVariable { get; init; }

    /// <summary>Where JSON logs and EMF records go: stdout in Lambda. Required.</summary>
    public required TextWriter Output { get; init; }

    /// <summary>Where <c>PCS_AUTOMATION_INIT_TRACE=1</c> writes init phase timings: stderr in Lambda. Default null: no trace.</summary>
    public TextWriter? TraceOutput { get; init; }

    /// <summary>The clock. Required; only <c>Program.cs</c> passes the system clock.</summary>
    public required TimeProvider Time { get; init; }

    /// <summary>
    /// Resolves AWS region, credentials and endpoints, throwing <see cref="AwsConfigurationException"/> when one is
    /// missing or malformed. Required. A delegate so a test can make init fail without touching the environment.
    /// </summary>
    public required Func<AwsClientFactory> CreateAwsClients { get; init; }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(GetVariable, nameof(GetVariable));
        ArgumentNullException.ThrowIfNull(Output, nameof(Output));
        ArgumentNullException.ThrowIfNull(Time, nameof(Time));
        ArgumentNullException.ThrowIfNull(CreateAwsClients, nameof(CreateAwsClients));
    }
}
