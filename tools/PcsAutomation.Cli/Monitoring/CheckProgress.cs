using System.Globalization;
using System.Text.Json.Nodes;

namespace PcsAutomation.Cli.Monitoring;

/// <summary>One counted fact of a check's answer: "3 instances up", "2 on the old image".</summary>
public sealed record ProgressFact(string Name, int Count);

/// <summary>
/// What a poll's answer says about progress, as counts: the check handlers' outputs (functions' *Messages.cs and
/// *JsonContext.cs: CheckClusterDrainedResult, CheckNodeGroupsRestoredResult, CheckNodeGroupUpdatedResult,
/// RollbackNodeGroupsResult, CheckCapacityBlockExpiryResult, CheckLoginNodesOutput, WaitForRunningJobsResult) as the
/// state machine's ResultPath leaves them in the state output. The instance counts are the node groups' capacity as it
/// changes (scaled down, replaced, restored). Members not known here are ignored. Pure.
/// </summary>
public static class CheckProgress
{
    // member (camelCase, as the functions serialize) → how a count of it reads
    private static readonly (string Member, string Name)[] Counted =
    [
        ("instancesStillUp", "instances up"),
        ("nodeGroupsNotActive", "groups not ACTIVE"),
        ("nodeGroupsPending", "groups pending"),
        ("nodeGroupsMissing", "groups missing"),
        ("onOldImage", "on the old image"),
        ("onNewImage", "on the new image"),
        ("runningJobs", "jobs running"),
        ("pending", "pending"),
        ("succeeded", "login nodes done"),
        ("failed", "login nodes failed"),
    ];

    public static IReadOnlyList<ProgressFact> Read(JsonNode? result)
    {
        if (result is not JsonObject o) return [];
        var facts = new List<ProgressFact>();
        foreach (var (member, name) in Counted)
            if (o[member] is JsonArray items) facts.Add(new ProgressFact(name, items.Count));
        return facts;
    }

    /// <summary>"3 instances up" now; "4 → 0 instances up" when it changed since <paramref name="first"/>; counts that stayed 0 are left out.</summary>
    public static string Describe(IReadOnlyList<ProgressFact> first, IReadOnlyList<ProgressFact> last)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(last);
        return string.Join(", ", last.Select(fact => (fact, before: first.FirstOrDefault(f => f.Name == fact.Name)))
            .Where(p => p.fact.Count > 0 || p.before is { Count: > 0 }) // nothing to say of a count that stayed 0
            .Select(p =>
        {
            var (fact, before) = p;
            return before is not null && before.Count != fact.Count
                ? string.Create(CultureInfo.InvariantCulture, $"{before.Count} → {fact.Count} {fact.Name}")
                : string.Create(CultureInfo.InvariantCulture, $"{fact.Count} {fact.Name}");
        }));
    }
}
