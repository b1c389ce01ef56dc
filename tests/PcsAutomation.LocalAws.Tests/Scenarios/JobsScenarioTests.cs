using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.LocalAws.Tests.Scenarios;

/// <summary>The shipped <c>jobs</c> scenario (REST on, two queues, running and pending jobs) and the benchmark's <see cref="JobMix"/>.</summary>
public class JobsScenarioTests
{
    [Fact]
    public void JobsScenario_AfterBoot_RunningAndPendingJobsInBothQueues()
    {
        var aws = LocalAws.CreateInProcess(new LocalAwsOptions { Scenario = ScenarioFile.Load("jobs") });

        aws.Clock.Advance(TimeSpan.FromMinutes(2));

        var cluster = aws.State.FindCluster("jobs")!;
        Assert.True(cluster.ServesSlurmRest);
        Assert.Equal((2, 4), (aws.Slurm.Queue("jobs", "batch").PendingJobs, aws.Slurm.Queue("jobs", "batch").RunningJobs));
        Assert.Equal((1, 2), (aws.Slurm.Queue("jobs", "long").PendingJobs, aws.Slurm.Queue("jobs", "long").RunningJobs));
        Assert.All(aws.Slurm.Jobs("jobs"), j => Assert.True(j.TimeLimit >= TimeSpan.FromMinutes(45)));
        Assert.Equal(TimeSpan.FromHours(12), aws.Slurm.Jobs("jobs").Single(j => j.JobId == 7).TimeLimit);
        Assert.DoesNotContain(aws.Slurm.Nodes("jobs"), n => n.NodeGroup == "login"); // in no queue: not a Slurm node
    }

    [Fact] // issue 12: 200 jobs of 10 minutes to 12 hours, seeded
    public void JobMix_Default_200JobsWithinBoundsAndDeterministic()
    {
        var first = JobMix.Build().Build();
        var again = JobMix.Build().Build();
        var other = JobMix.Build(seed: 2).Build();

        var entries = first.Timeline;
        Assert.Equal(200, entries.Count);
        Assert.All(entries, e =>
        {
            var duration = ScenarioTime.Span(e.Duration!);
            var limit = ScenarioTime.Span(e.TimeLimit!);
            Assert.InRange(duration, JobMix.ShortestJob, JobMix.LongestJob);
            Assert.InRange(limit, duration, duration * 2 + TimeSpan.FromMinutes(1));
            Assert.Equal(duration > TimeSpan.FromHours(4) ? "long" : "batch", e.Queue);
        });
        Assert.Equal(entries.Select(e => (e.At, e.Duration, e.TimeLimit)), again.Timeline.Select(e => (e.At, e.Duration, e.TimeLimit)));
        Assert.NotEqual(entries.Select(e => e.Duration), other.Timeline.Select(e => e.Duration));
        Assert.Null(ScenarioValidator.FirstProblem(first));
    }

    [Fact]
    public void JobMix_Applied_AllJobsSubmittedWithinTheArrivalWindow()
    {
        var aws = LocalAws.CreateInProcess(new LocalAwsOptions { Scenario = JobMix.Build(jobs: 40, arrivals: TimeSpan.FromHours(2)).Build() });

        aws.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(40, aws.Slurm.Jobs(JobMix.ClusterName).Count);
        Assert.Contains(aws.Slurm.Jobs(JobMix.ClusterName), j => j.State == "RUNNING");
    }

    [Fact] // guide L6707: the REST API needs Slurm 25.05 or later
    public void Validator_SlurmRestOnOlderSlurm_ProblemNamingTheRequirement()
    {
        var scenario = Scenario.Cluster("old-slurm", slurmVersion: "24.11").WithSlurmRest().Build();

        var problem = ScenarioValidator.FirstProblem(scenario);

        Assert.Equal("clusters[0].slurmRest", problem?.Path);
        Assert.Contains("25.05 or later", problem!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("30m", "1h")]
    [InlineData("90s", "1m")]
    public void Validator_TimeLimitShorterOrNotWholeMinutes_Problem(string limit, string duration)
    {
        var scenario = Scenario.Cluster("demo").WithNodeGroup("compute", 0, 1).WithQueue("batch", "compute")
            .At("+0m", "submitJobs", cluster: "demo", queue: "batch", duration: duration, timeLimit: limit).Build();

        Assert.Equal("timeline[0].timeLimit", ScenarioValidator.FirstProblem(scenario)?.Path);
    }
}
