using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.Workflows.Tests.Support;

namespace PcsAutomation.Workflows.Tests.Rotation;

/// <summary>The rotation job protection tests' cluster (REST on, one queue) and stack (in the clusters' VPC), with running jobs.</summary>
internal static class JobProtectionStacks
{
    public const string Cluster = "demo";
    public const string Queue = "batch";

    /// <summary>The stack in the clusters' VPC: both REST network parameters set.</summary>
    public static readonly Dictionary<string, string> RestNetwork = new(StringComparer.Ordinal)
    {
        ["SlurmRestSubnetIds"] = "subnet-0123456789abcdef0",
        ["SlurmRestSecurityGroupId"] = "sg-0123456789abcdef0",
    };

    public static Scenario RestCluster(bool rest = true, params (string Key, string Value)[] tags)
    {
        var scenario = Scenario.Cluster(Cluster)
            .WithTag("pcs-automation:managed", "true")
            .WithNodeGroup("login", min: 1, max: 1)
            .WithNodeGroup("compute", min: 0, max: 4)
            .WithQueue(Queue, "compute");
        if (rest) scenario = scenario.WithSlurmRest();
        foreach (var (key, value) in tags) scenario = scenario.WithTag(key, value);
        return scenario;
    }

    /// <summary>Starts the stack, submits <paramref name="count"/> jobs and runs the clock until they all run.</summary>
    public static async Task<DeployedStack> WithRunningJobsAsync(Scenario scenario, int count, TimeSpan duration, TimeSpan timeLimit,
        IReadOnlyDictionary<string, Func<FunctionCall, FunctionCall>>? wrap = null, bool network = true)
    {
        var workflow = await DeployedStack.StartAsync(scenario, wrap, parameters: network ? RestNetwork : null);
        workflow.Aws.Scenarios.SubmitJobs(Cluster, Queue, count, duration, timeLimit);
        Assert.True(await workflow.Aws.RunUntilAsync(() => workflow.Aws.Slurm.Jobs(Cluster).Count(j => j.State == "RUNNING") == count, TimeSpan.FromHours(1)),
            $"the jobs did not start: {string.Join(", ", workflow.Aws.Slurm.Jobs(Cluster).Select(j => j.State))}");
        return workflow;
    }
}
