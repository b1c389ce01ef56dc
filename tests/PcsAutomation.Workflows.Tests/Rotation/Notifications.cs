using System.Text.Json.Nodes;
using PcsAutomation.Workflows.Tests.Support;

namespace PcsAutomation.Workflows.Tests.Rotation;

/// <summary>Reading the rotation's notifications (custom event details) and comparing their scaling with the world's.</summary>
internal static class Notifications
{
    public const string Prefix = "PCS Cluster Secret Rotation ";
    public const string Scheduled = Prefix + "Scheduled";
    public const string Started = Prefix + "Started";
    public const string Succeeded = Prefix + "Succeeded";
    public const string Failed = Prefix + "Failed";
    public const string NeedsOperator = Prefix + "Needs Operator";

    /// <summary>A detail's <c>savedScaling</c> (the lease's) as node group name → (min, max).</summary>
    public static IReadOnlyDictionary<string, (int Min, int Max)> SavedScaling(JsonNode detail) =>
        Scaling(detail["savedScaling"]?.AsArray() ?? throw new Xunit.Sdk.XunitException($"no savedScaling in {detail.ToJsonString()}"));

    /// <summary>A JSON array of <c>NodeGroupScaling</c> as node group name → (min, max).</summary>
    public static IReadOnlyDictionary<string, (int Min, int Max)> Scaling(JsonArray groups) =>
        groups.ToDictionary(g => (string)g!["nodeGroupName"]!, g => ((int)g!["minInstanceCount"]!, (int)g["maxInstanceCount"]!), StringComparer.Ordinal);

    /// <summary>The world's scaling (<see cref="DeployedStack.Scaling"/>) without the status, to compare with a notification.</summary>
    public static IReadOnlyDictionary<string, (int Min, int Max)> MinMax(IReadOnlyDictionary<string, (int Min, int Max, string Status)> world) =>
        world.ToDictionary(g => g.Key, g => (g.Value.Min, g.Value.Max), StringComparer.Ordinal);
}
