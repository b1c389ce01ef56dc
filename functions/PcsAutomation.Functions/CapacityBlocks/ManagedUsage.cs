using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Domain.Configuration;
using PcsAutomation.Functions.Workflows;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;

namespace PcsAutomation.Functions.CapacityBlocks;

/// <summary>
/// The usage map the triggers decide from: which node groups of managed clusters use which reservation. Nothing without
/// the managed tag is ever touched, so the groups of other clusters do not count; a cluster whose pcs-automation tags do
/// not parse is left out with the tag named, as every reconciler leaves it (<see cref="ClusterSweep"/>).
/// </summary>
internal static class ManagedUsage
{
    /// <summary>No group uses anything: what a run that did not read the clusters decides from.</summary>
    public static CapacityUsage None { get; } = new([], [], [], []);

    /// <summary>Reads every cluster and PCS instance and maps the usage of the managed clusters' groups.</summary>
    public static async Task<(CapacityUsage Usage, IReadOnlyList<ReconcilerSkip> LeftOut)> ReadAsync(
        CapacityFactsReader reader, IReadOnlyList<CapacityReservationFacts> reservations, AutomationDefaults defaults, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(context);
        var (clusters, tags, templates) = await reader.ReadClustersAsync(null, context.CancellationToken).ConfigureAwait(false);
        var instances = await reader.ReadInstancesAsync(context.CancellationToken).ConfigureAwait(false);
        var (managed, leftOut) = Managed(clusters, tags, defaults);
        foreach (var skip in leftOut)
            context.Logger.LogInformation($"Cluster {skip.ClusterId} left out of the Capacity Block usage: {skip.Reason}");
        return (CapacityBlockDiscovery.Discover(managed, templates, reservations, instances), leftOut);
    }

    /// <summary>The managed clusters, and the others with why.</summary>
    public static (IReadOnlyList<CapacityClusterFacts> Managed, IReadOnlyList<ReconcilerSkip> LeftOut) Managed(
        IReadOnlyList<CapacityClusterFacts> clusters, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> tags, AutomationDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(defaults);
        var (managed, leftOut) = (new List<CapacityClusterFacts>(), new List<ReconcilerSkip>());
        foreach (var cluster in clusters)
        {
            try
            {
                if (ClusterTagConfiguration.Parse(tags.GetValueOrDefault(cluster.ClusterId) ?? new Dictionary<string, string>(), defaults).IsManaged)
                    managed.Add(cluster);
                else
                    leftOut.Add(new(cluster.ClusterId, $"not managed (no {defaults.ManagedTagKey}=true tag)"));
            }
            catch (TagConfigurationException e)
            {
                leftOut.Add(new(cluster.ClusterId, $"invalid tag {e.TagKey}: {e.Message}"));
            }
        }
        return (managed, leftOut);
    }
}
