using PcsAutomation.Aws.Runtime;

namespace PcsAutomation.Cli.CapacityBlocks;

/// <summary>The expiry's reads of an account and Region (placeholder until the workflow's shared reader is merged).</summary>
internal static class CapacityReads
{
    public static Task<CapacityFacts> ReadAsync(AwsClientFactory factory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        cancellationToken.ThrowIfCancellationRequested();
        throw new NotSupportedException("the shared CapacityFactsReader is not merged yet");
    }
}
