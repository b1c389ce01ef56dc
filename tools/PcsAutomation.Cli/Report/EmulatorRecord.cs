using PcsAutomation.LocalAws.World;
using LocalAwsHost = PcsAutomation.LocalAws.LocalAws;

namespace PcsAutomation.Cli.Report;

/// <summary>A count over the run: its value at the start, then each change (time, new value).</summary>
public sealed record CountSeries(int AtStart, IReadOnlyList<(DateTimeOffset At, int Count)> Changes)
{
    public int AtEnd => Changes.Count == 0 ? AtStart : Changes[^1].Count;

    public int Lowest => Changes.Select(c => c.Count).Append(AtStart).Min();

    public int Highest => Changes.Select(c => c.Count).Append(AtStart).Max();
}

/// <summary>
/// A node group's instances over the run: <paramref name="Up"/> counts those launched and not shutting down (pending or
/// running: what the group's scaling keeps), <paramref name="Running"/> those booted (a replacement shows as a dip there).
/// </summary>
public sealed record InstanceSeries(string Cluster, string NodeGroup, string NodeGroupId, CountSeries Up, CountSeries Running);

/// <summary>The AWS calls of one operation during the run, as the emulator answered them: how many, and how many failed with which error.</summary>
public sealed record CallCount(string Service, string Operation, int Calls, IReadOnlyDictionary<string, int> Errors);

/// <summary>
/// What only the emulator knows about a run: every node group's running instances over time (EC2 keeps no such
/// history: <see cref="Ec2Instance.StateChanges"/> is the emulator's), every AWS call it answered while the execution
/// ran (the CLI's own polling of the execution left out), and each function's memory (for the Lambda duration cost).
/// </summary>
public sealed record EmulatorRecord(IReadOnlyList<InstanceSeries> Instances, IReadOnlyList<CallCount> Calls, IReadOnlyDictionary<string, int> FunctionMemoryMb)
{
    /// <summary>
    /// The CLI's start of the execution and its reads while it follows it (and this report's), not the workflow's calls
    /// (benchmarks/Rotation leaves StartExecution out the same way).
    /// </summary>
    private static readonly HashSet<string> ObserverCalls = new(StringComparer.Ordinal)
    {
        "states:StartExecution", "states:GetExecutionHistory", "states:DescribeExecution", "states:DescribeStateMachine", "states:ListExecutions", "states:ListStateMachines",
    };

    public static EmulatorRecord Read(LocalAwsHost aws, DateTimeOffset start, DateTimeOffset stop)
    {
        ArgumentNullException.ThrowIfNull(aws);
        List<InstanceSeries> series;
        lock (aws.State.Gate)
        {
            series = [.. aws.State.Clusters.Values
                .OrderBy(c => c.Name, StringComparer.Ordinal)
                .SelectMany(cluster => cluster.NodeGroups.Values
                    .OrderBy(g => g.Name, StringComparer.Ordinal)
                    .Select(group => Series(cluster.Name, group.Name, group.Id, [.. aws.State.InstancesOfNodeGroup(group.Id)], start, stop)))
                .Where(s => s.Up.Highest > 0)];
        }

        var calls = aws.Calls.Calls
            .Where(c => c.Time >= start && c.Time <= stop && !ObserverCalls.Contains($"{c.Service}:{c.Operation}"))
            .GroupBy(c => (c.Service, c.Operation))
            .OrderBy(g => g.Key.Service, StringComparer.Ordinal).ThenBy(g => g.Key.Operation, StringComparer.Ordinal)
            .Select(g => new CallCount(g.Key.Service, g.Key.Operation, g.Count(),
                g.Where(c => c.ErrorCode is not null).GroupBy(c => c.ErrorCode!, StringComparer.Ordinal).ToDictionary(e => e.Key, e => e.Count(), StringComparer.Ordinal)))
            .ToList();
        var memory = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var function in aws.Template?.Functions ?? Enumerable.Empty<PcsAutomation.LocalAws.Lambda.TemplateFunction>())
            memory[function.Name] = function.MemoryMb;
        return new EmulatorRecord(series, calls, memory);
    }

    /// <summary>The up and running counts at <paramref name="start"/>, then at each instance state change up to <paramref name="stop"/>.</summary>
    public static InstanceSeries Series(string cluster, string group, string groupId, IReadOnlyList<Ec2Instance> instances, DateTimeOffset start, DateTimeOffset stop)
    {
        ArgumentNullException.ThrowIfNull(instances);
        string? StateAt(Ec2Instance instance, DateTimeOffset at) => instance.StateChanges.LastOrDefault(c => c.At <= at)?.State;
        var times = instances.SelectMany(i => i.StateChanges).Select(c => c.At).Where(at => at > start && at <= stop).Distinct().Order().ToList();
        CountSeries Count(Func<string?, bool> counted)
        {
            int At(DateTimeOffset at) => instances.Count(i => counted(StateAt(i, at)));
            var atStart = At(start);
            var changes = new List<(DateTimeOffset, int)>();
            var last = atStart;
            foreach (var at in times)
            {
                var count = At(at);
                if (count == last) continue;
                changes.Add((at, count));
                last = count;
            }

            return new CountSeries(atStart, changes);
        }

        return new InstanceSeries(cluster, group, groupId,
            Count(state => state is Ec2Instance.Pending or Ec2Instance.Running),
            Count(state => state == Ec2Instance.Running));
    }
}
