using System.Globalization;

namespace PcsAutomation.LocalAws.Scenarios;

/// <summary>
/// The job mix the rotation benchmark runs (issue 12: "say 200 jobs of 10 minutes to 12 hours"), built in memory and
/// deterministic for a seed: the cluster <see cref="ClusterName"/> (Slurm 25.05, REST on, managed, window
/// <c>sun:02:00-sun:06:00</c>) with a <c>login</c> group, queue <c>batch</c> on group <c>compute</c> and queue <c>long</c> on group
/// <c>highmem</c>; <paramref name="jobs"/> one-node jobs, each submitted at a random minute of the first
/// <paramref name="arrivals"/> (default 24 h), running 10 minutes to 12 hours (uniform, whole minutes) with a time limit of
/// one to two times that (rounded up to a minute: Slurm's unit); jobs over 4 hours go to <c>long</c>.
/// </summary>
public static class JobMix
{
    public const string ClusterName = "jobs";
    public static readonly TimeSpan ShortestJob = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan LongestJob = TimeSpan.FromHours(12);

    public static Scenario Build(int jobs = 200, int seed = 1, TimeSpan? arrivals = null, int computeNodes = 16, int highmemNodes = 32)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(computeNodes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(highmemNodes, 1);
        var window = (int)(arrivals ?? TimeSpan.FromHours(24)).TotalMinutes;
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1, nameof(arrivals));
        var scenario = Scenario.Cluster(ClusterName, slurmVersion: "25.05").WithSlurmRest()
            .WithTag("pcs-automation:managed", "true").WithTag("pcs-automation:maintenance-window", "sun:02:00-sun:06:00")
            .WithNodeGroup("login", min: 1, max: 1)
            .WithNodeGroup("compute", min: 0, max: computeNodes)
            .WithNodeGroup("highmem", min: 0, max: highmemNodes, instanceType: "c6i.2xlarge")
            .WithQueue("batch", "compute")
            .WithQueue("long", "highmem");
        var random = new Random(seed);
        var shortest = (int)ShortestJob.TotalMinutes;
        var longest = (int)LongestJob.TotalMinutes;
        for (var i = 0; i < jobs; i++)
        {
            var at = random.Next(0, window);
            var minutes = random.Next(shortest, longest + 1);
            var limit = (int)Math.Ceiling(minutes * (1 + random.NextDouble()));
            scenario = scenario.At(Minutes(at), "submitJobs", cluster: ClusterName, queue: minutes > 240 ? "long" : "batch", count: 1,
                duration: Minutes(minutes), timeLimit: Minutes(limit));
        }
        return scenario;
    }

    private static string Minutes(int minutes) => "+" + minutes.ToString(CultureInfo.InvariantCulture) + "m";
}
