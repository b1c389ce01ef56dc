using PcsAutomation.Domain.CapacityBlocks;
using PcsAutomation.Functions.CapacityBlocks;

namespace PcsAutomation.Cli.CapacityBlocks;

/// <summary>The planner's input for a block from what <see cref="CapacityFactsReader"/> read: a first plan (no group list, no parked record yet).</summary>
internal static class CapacityPlanning
{
    public static ExpiryPlanInput FirstPlan(CapacityFacts facts, CapacityReservationFacts block, DateTimeOffset now, CapacityBlockExpiryOptions options)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new(block, facts.Clusters, facts.Templates, facts.Reservations, facts.Instances, null, [], now, options);
    }
}
