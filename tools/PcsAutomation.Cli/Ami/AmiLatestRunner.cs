using PcsAutomation.Cli.Emulator;
using PcsAutomation.Domain.Ami;
using PcsAutomation.Functions.Ami;
using Spectre.Console;

namespace PcsAutomation.Cli.Ami;

/// <summary>
/// <c>ami latest</c>: the product's <see cref="AmiLookup"/> (the same requests and Domain selection the workflows use)
/// against AWS or an in-process emulator on a scenario, printed as text or JSON.
/// </summary>
internal static class AmiLatestRunner
{
    public static async Task<int> RunAsync(CliHost host, Aws.AwsSettings settings, AmiLatestRequest request, CancellationToken cancellationToken)
    {
        var query = Query(request, accountId: null);
        using var factory = settings.CreateFactory(host.Environment, host.Time);
        var lookup = new AmiLookup(factory.CreateEc2(), factory.CreateSsm(), host.Time);
        return Print(host, request, await lookup.LatestAsync(query, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The scenario's account alone (no template: a lookup needs EC2 and SSM only), on its virtual clock.</summary>
    public static async Task<int> RunInEmulatorAsync(CliHost host, AmiLatestRequest request, string scenarioName, CancellationToken cancellationToken)
    {
        _ = Query(request, accountId: null); // bad input fails before anything starts
        await using var account = await ScenarioAccount.StartAsync(scenarioName, cancellationToken).ConfigureAwait(false);
        var lookup = new AmiLookup(account.Factory.CreateEc2(), account.Factory.CreateSsm(), account.Clock);
        if (!request.Json)
            host.Console.WriteLine(account.Announcement(scenarioName));
        return Print(host, request, await lookup.LatestAsync(Query(request, account.Aws.Options.AccountId), cancellationToken).ConfigureAwait(false));
    }

    private static AmiQuery Query(AmiLatestRequest request, string? accountId)
    {
        if (!SlurmVersion.TryParse(request.Slurm, out var slurm))
            throw new CliException($"--slurm '{request.Slurm}' is not a Slurm major version: expected yy.mm, e.g. 25.11.");
        if (request.Architecture is not (CpuArchitectures.X8664 or CpuArchitectures.Arm64))
            throw new CliException($"--arch '{request.Architecture}' is not x86_64 or arm64.");
        try
        {
            return new AmiQuery(AmiLookup.ParseChannel(request.Channel, request.Owner), slurm, request.Architecture, accountId);
        }
        catch (InvalidAmiChannel e)
        {
            throw new CliException(e.Message);
        }
    }

    private static int Print(CliHost host, AmiLatestRequest request, AmiLookupResult result)
    {
        if (request.Json)
            host.Output.WriteLine(AmiLookupJson.Render(result));
        else
            AmiLookupText.Render(host.Console, result);
        return result.Selection.Found ? ExitCodes.Success : ExitCodes.Failed;
    }
}
