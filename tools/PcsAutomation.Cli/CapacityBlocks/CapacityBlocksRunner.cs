using PcsAutomation.Aws.Runtime;
using PcsAutomation.Cli.Aws;
using PcsAutomation.Cli.Emulator;
using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.Configuration;
using PcsAutomation.Functions.CapacityBlocks;
using Spectre.Console;

namespace PcsAutomation.Cli.CapacityBlocks;

/// <summary>
/// <c>capacity-blocks list</c> and <c>plan</c>: the product's own reads (<see cref="CapacityFactsReader"/>) against AWS or a
/// scenario's account in the emulator, the workflow's own domain calls (discovery, <see cref="ExpiryPlanner"/>) on the
/// clock of what was read (the real one, or the emulator's virtual clock), printed as text or JSON. Read-only.
/// </summary>
internal sealed class CapacityBlocksRunner(CliHost host, AwsSettings settings)
{
    public Task<int> ListAsync(CapacityRequest request, CancellationToken cancellationToken) =>
        ReadAsync(request, (facts, now, clock) =>
        {
            var listing = CapacityListing.Build(facts, now, request.Options, Defaults());
            if (request.Json)
                host.Output.WriteLine(CapacityListJson.Render(listing));
            else
                CapacityListText.Render(host.Console, listing, clock);
            return ExitCodes.Success;
        }, cancellationToken);

    public Task<int> PlanAsync(CapacityRequest request, CancellationToken cancellationToken) =>
        ReadAsync(request, (facts, now, _) =>
        {
            var id = request.ReservationId ?? throw new ArgumentException("plan needs a reservation", nameof(request));
            Plannable(facts, id);
            var plan = CapacityExpiryPlans.Expire(facts, id, null, [], now, request.Options)!;
            var names = facts.Clusters.SelectMany(c => c.NodeGroups).GroupBy(g => g.NodeGroupId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().NodeGroupName, StringComparer.Ordinal);
            var defaults = Defaults();
            var leftAlone = plan.Clusters
                .Select(c => CapacityExpiryPlans.Unmanaged(facts, c.ClusterId, defaults) is { } why ? new ClusterSkip(c.ClusterId, c.ClusterName, why) : null)
                .OfType<ClusterSkip>().ToList();
            if (request.Json)
                host.Output.WriteLine(ExpiryPlanJson.Render(plan, names, leftAlone));
            else
                ExpiryPlanText.Render(host.Console, plan, names, leftAlone);
            return ExitCodes.Success;
        }, cancellationToken);

    /// <summary>
    /// The stack's defaults as the workflow's functions read them (PCS_AUTOMATION_MANAGED_TAG_KEY and the others, from
    /// the CLI's environment; unset: the built-in defaults): which clusters the workflow manages.
    /// </summary>
    private AutomationDefaults Defaults()
    {
        try
        {
            return AutomationDefaults.FromEnvironment(host.Environment);
        }
        catch (TagConfigurationException e)
        {
            throw new CliException(e.Message);
        }
    }

    /// <summary>The block to plan: listed by EC2, a Capacity Block, with an end date; else a usage error naming it.</summary>
    public static CapacityReservationFacts Plannable(CapacityFacts facts, string reservationId)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Expiring(facts.Reservation(reservationId), reservationId);
    }

    /// <summary><paramref name="block"/> (as EC2 listed <paramref name="reservationId"/>) when it is a Capacity Block with an end date; else a usage error naming it.</summary>
    public static CapacityReservationFacts Expiring(CapacityReservationFacts? block, string reservationId)
    {
        if (block is null)
            throw new CliException($"No Capacity Reservation '{reservationId}' in this account and Region (`pcs-automation capacity-blocks list` lists the blocks).");
        if (!block.IsCapacityBlock())
            throw new CliException($"Reservation '{reservationId}' has reservation type {block.ReservationType}, not capacity-block: the expiry plans Capacity Blocks only.");
        if (block.EndDate is null)
            throw new CliException($"Reservation '{reservationId}' has no end date: it does not expire.");
        return block;
    }

    /// <summary>Reads the facts where the request says, then renders them with the time read from the same clock.</summary>
    private async Task<int> ReadAsync(CapacityRequest request, Func<CapacityFacts, DateTimeOffset, string, int> render, CancellationToken cancellationToken)
    {
        if (request.Emulator is { } scenario)
        {
            await using var account = await ScenarioAccount.StartAsync(scenario, cancellationToken).ConfigureAwait(false);
            if (!request.Json)
                host.Console.WriteLine(account.Announcement(scenario));
            var facts = await ReadFactsAsync(account.Factory, cancellationToken).ConfigureAwait(false);
            return render(facts, account.Clock.GetUtcNow(), "the emulator's virtual clock");
        }

        using AwsClientFactory factory = settings.CreateFactory(host.Environment, host.Time);
        var read = await ReadFactsAsync(factory, cancellationToken).ConfigureAwait(false);
        return render(read, host.Time.GetUtcNow(), $"{factory.Region}, this machine's clock");
    }

    /// <summary>The workflow's own reader: every reservation, cluster, launch template target and PCS instance.</summary>
    private static Task<CapacityFacts> ReadFactsAsync(AwsClientFactory factory, CancellationToken cancellationToken) =>
        new CapacityFactsReader(factory.CreatePcs(), factory.CreateEc2()).ReadAsync(cancellationToken);
}
