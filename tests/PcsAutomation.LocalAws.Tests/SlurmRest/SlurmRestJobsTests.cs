using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.SlurmRest;

/// <summary><c>GET /jobs/</c> and <c>/job/{id}</c> in v0.0.43's job_info shape, on the virtual clock.</summary>
public class SlurmRestJobsTests
{
    private static long Seconds(DateTimeOffset t) => t.ToUnixTimeSeconds();

    private static long Number(System.Text.Json.Nodes.JsonNode? field)
    {
        Assert.True((bool)field!["set"]!);
        Assert.False((bool)field["infinite"]!);
        return (long)field["number"]!;
    }

    [Fact] // job_info.end_time is "real or expected": start + time limit while running, not the real duration
    public void Jobs_RunningJob_EndTimeIsStartPlusTimeLimit()
    {
        var account = new RestAccount();
        var start = account.Now + TimeSpan.FromSeconds(90); // the node boots first
        account.Aws.Scenarios.SubmitJobs(RestAccount.Cluster, "q", 1, TimeSpan.FromMinutes(30), TimeSpan.FromHours(2));
        account.Advance(TimeSpan.FromMinutes(5));

        var job = account.Job(1);

        Assert.Equal("RUNNING", (string)job["job_state"]![0]!);
        Assert.Equal(("q", "compute-1"), ((string)job["partition"]!, (string)job["nodes"]!));
        Assert.Equal(Seconds(start), Number(job["start_time"]));
        Assert.Equal(Seconds(start + TimeSpan.FromHours(2)), Number(job["end_time"]));
        Assert.Equal(120, Number(job["time_limit"]));
        Assert.Equal("None", (string)job["state_reason"]!);
    }

    [Fact]
    public void Jobs_MoreJobsThanNodes_PendingJobHasNoNodeAndNoTimes()
    {
        var account = new RestAccount();
        account.Aws.Scenarios.SubmitJobs(RestAccount.Cluster, "q", 3, TimeSpan.FromHours(1));
        account.Advance(TimeSpan.FromMinutes(5));

        var pending = account.Job(3);

        Assert.Equal(("PENDING", "", "Resources"), ((string)pending["job_state"]![0]!, (string)pending["nodes"]!, (string)pending["state_reason"]!));
        Assert.Equal((0L, 0L), (Number(pending["start_time"]), Number(pending["end_time"])));
        Assert.Equal(60, Number(pending["time_limit"])); // default: the duration
    }

    [Fact] // MinJobAge, default 300 s: a finished job stays listed 5 minutes with its real end, then is gone
    public void Jobs_CompletedJob_ListedWithRealEndForMinJobAge()
    {
        var account = new RestAccount();
        account.Aws.Scenarios.SubmitJobs(RestAccount.Cluster, "q", 1, TimeSpan.FromMinutes(20), TimeSpan.FromHours(1));
        account.Advance(TimeSpan.FromSeconds(90) + TimeSpan.FromMinutes(20));
        var end = account.Now;
        account.Advance(TimeSpan.FromMinutes(4));

        var job = account.Job(1);
        Assert.Equal("COMPLETED", (string)job["job_state"]![0]!);
        Assert.Equal(Seconds(end), Number(job["end_time"]));

        account.Advance(TimeSpan.FromMinutes(2));
        Assert.Empty(account.Jobs());
        var (status, error) = account.Fails("GET", "/slurm/v0.0.43/job/1");
        Assert.Equal((404, 2017, "Unable to query JobId=1"), (status, (int)error["error_number"]!, (string)error["description"]!));
    }

    [Fact] // operations.c: ESLURM_INVALID_JOB_ID is HTTP 404
    public void Job_Unknown_404InvalidJobId()
    {
        var account = new RestAccount();

        var (status, error) = account.Fails("GET", "/slurm/v0.0.43/job/42");

        Assert.Equal((404, 2017, "Invalid job id specified", "_handle_job_get"),
            (status, (int)error["error_number"]!, (string)error["error"]!, (string)error["source"]!));
    }

    [Fact]
    public void Job_ById_OnlyThatJob()
    {
        var account = new RestAccount();
        account.Aws.Scenarios.SubmitJobs(RestAccount.Cluster, "q", 2, TimeSpan.FromHours(1));

        var jobs = account.Ok("GET", "/slurm/v0.0.43/job/2")["jobs"]!.AsArray();

        Assert.Equal(2, (long)Assert.Single(jobs)!["job_id"]!);
    }

    [Fact]
    public void SubmitJobs_TimeLimitShorterThanDuration_RefusedNamingIt()
    {
        var account = new RestAccount();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            account.Aws.Scenarios.SubmitJobs(RestAccount.Cluster, "q", 1, TimeSpan.FromHours(2), TimeSpan.FromHours(1)));

        Assert.Equal("timeLimit", error.ParamName);
        Assert.Empty(account.Aws.Slurm.Jobs(RestAccount.Cluster));
    }
}
