using System.Globalization;
using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.SlurmRest;

/// <summary>
/// MAINT reservations through <c>POST /reservation</c> (new in v0.0.43), <c>GET /reservations/</c> and <c>DELETE /reservation/{name}</c>:
/// the protection issue 12 relies on, no job starts on reserved nodes if its start plus time limit would overlap the window.
/// </summary>
public class SlurmRestReservationsTests
{
    private static RestAccount OneNode() =>
        new(Scenario.Cluster("c").WithSlurmRest().WithNodeGroup("compute", 0, 1).WithQueue("q", "compute"));

    private static string Maint(RestAccount account, TimeSpan startIn, TimeSpan length, string nodes = "ALL", string flags = "\"MAINT\"") =>
        $$"""
        {"name":"maint-window","start_time":{"set":true,"infinite":false,"number":{{Seconds(account.Now + startIn)}}},
         "end_time":{"set":true,"infinite":false,"number":{{Seconds(account.Now + startIn + length)}}},
         "node_list":["{{nodes}}"],"flags":[{{flags}}],"users":["root"]}
        """;

    private static string Seconds(DateTimeOffset t) => t.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    [Fact] // reservation.c: a job whose start + time limit overlaps the reservation does not start on its nodes
    public void Reservation_Maint_JobThatWouldOverlapWaitsShortJobRuns()
    {
        var account = new RestAccount();
        account.Ok("POST", "/slurm/v0.0.43/reservation", Maint(account, TimeSpan.FromHours(2), TimeSpan.FromHours(4)));

        account.Aws.Scenarios.SubmitJobs(RestAccount.Cluster, "q", 1, TimeSpan.FromHours(1), TimeSpan.FromHours(3)); // limit crosses +2h
        account.Aws.Scenarios.SubmitJobs(RestAccount.Cluster, "q", 1, TimeSpan.FromMinutes(30), TimeSpan.FromHours(1)); // fits before
        account.Advance(TimeSpan.FromMinutes(5));

        var jobs = account.Aws.Slurm.Jobs(RestAccount.Cluster);
        Assert.Equal(("PENDING", "RUNNING"), (jobs[0].State, jobs[1].State));
        var held = account.Job(1);
        Assert.Equal(("ReqNodeNotAvail", "ReqNodeNotAvail, Reserved for maintenance"), ((string)held["state_reason"]!, (string)held["state_description"]!));
    }

    [Fact] // the window opens with idle nodes: only the short job ran, and nothing runs inside the reservation
    public void Reservation_Maint_NodesIdleWhenTheWindowOpens()
    {
        var account = new RestAccount();
        account.Ok("POST", "/slurm/v0.0.43/reservation", Maint(account, TimeSpan.FromHours(2), TimeSpan.FromHours(4)));
        // two nodes: the first two run from +1m30 (limit to +1h31m30); the next two would start at +41m30 and may run to +2h11m30
        account.Aws.Scenarios.SubmitJobs(RestAccount.Cluster, "q", 4, TimeSpan.FromMinutes(40), TimeSpan.FromMinutes(90));

        account.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));

        var nodes = account.Ok("GET", "/slurm/v0.0.43/nodes/")["nodes"]!.AsArray();
        Assert.All(nodes, n => Assert.DoesNotContain("ALLOCATED", RestAccount.States((System.Text.Json.Nodes.JsonObject)n!)));
        Assert.All(nodes, n => Assert.Equal("maint-window", (string)n!["reservation"]!));
        Assert.Contains("MAINTENANCE", RestAccount.States((System.Text.Json.Nodes.JsonObject)nodes[0]!));
        Assert.Equal(["COMPLETED", "COMPLETED", "PENDING", "PENDING"], account.Aws.Slurm.Jobs(RestAccount.Cluster).Select(j => j.State));
    }

    [Fact] // reservations end: the jobs held back start afterwards
    public void Reservation_Ends_HeldJobStarts()
    {
        var account = OneNode();
        account.Ok("POST", "/slurm/v0.0.43/reservation", Maint(account, TimeSpan.FromMinutes(30), TimeSpan.FromHours(1)));
        account.Aws.Scenarios.SubmitJobs(RestAccount.Cluster, "q", 1, TimeSpan.FromHours(1));

        account.Advance(TimeSpan.FromMinutes(89));
        Assert.Equal("PENDING", account.Aws.Slurm.Jobs(RestAccount.Cluster).Single().State);
        account.Advance(TimeSpan.FromMinutes(4)); // +1h30 it ends; the node boots

        Assert.Equal("RUNNING", account.Aws.Slurm.Jobs(RestAccount.Cluster).Single().State);
        Assert.Empty(account.Ok("GET", "/slurm/v0.0.43/reservations/")["reservations"]!.AsArray());
    }

    [Fact] // _job_overlap: a running job expected past the start refuses the reservation unless IGNORE_JOBS; running jobs are untouched either way
    public void Reservation_OverRunningJob_NodesBusyUnlessIgnoreJobs()
    {
        var account = OneNode();
        account.Aws.Scenarios.SubmitJobs(RestAccount.Cluster, "q", 1, TimeSpan.FromHours(1), TimeSpan.FromHours(3));
        account.Advance(TimeSpan.FromMinutes(5));

        var (status, error) = account.Fails("POST", "/slurm/v0.0.43/reservation", Maint(account, TimeSpan.FromHours(2), TimeSpan.FromHours(1)));
        account.Ok("POST", "/slurm/v0.0.43/reservation", Maint(account, TimeSpan.FromHours(2), TimeSpan.FromHours(1), flags: "\"MAINT\",\"IGNORE_JOBS\""));

        Assert.Equal((500, 2016, "Requested nodes are busy"), (status, (int)error["error_number"]!, (string)error["error"]!));
        Assert.Equal("Error creating reservation  maint-window", (string)error["description"]!);
        var job = account.Aws.Slurm.Jobs(RestAccount.Cluster).Single();
        Assert.Equal(("RUNNING", 0), (job.State, job.Requeues));
    }

    [Fact]
    public void Reservations_Listed_InReservationInfoShape()
    {
        var account = new RestAccount();
        var start = account.Now + TimeSpan.FromHours(1);
        account.Ok("POST", "/slurm/v0.0.43/reservation", Maint(account, TimeSpan.FromHours(1), TimeSpan.FromHours(2), nodes: "compute-[1-2]"));

        var listed = (System.Text.Json.Nodes.JsonObject)Assert.Single(account.Ok("GET", "/slurm/v0.0.43/reservations/")["reservations"]!.AsArray())!;

        Assert.Equal(("maint-window", "compute-[1-2]", 2, "root"),
            ((string)listed["name"]!, (string)listed["node_list"]!, (int)listed["node_count"]!, (string)listed["users"]!));
        Assert.Equal(["MAINT"], listed["flags"]!.AsArray().Select(f => (string)f!));
        Assert.Equal(start.ToUnixTimeSeconds(), (long)listed["start_time"]!["number"]!);
        Assert.Equal(start.AddHours(2).ToUnixTimeSeconds(), (long)listed["end_time"]!["number"]!);
        Assert.Equal("maint-window", (string)account.Ok("GET", "/slurm/v0.0.43/reservation/MAINT-WINDOW")["reservations"]![0]!["name"]!);
    }

    [Fact] // DELETE frees the nodes at once
    public void Reservation_Deleted_HeldJobStarts()
    {
        var account = OneNode();
        account.Ok("POST", "/slurm/v0.0.43/reservation", Maint(account, TimeSpan.Zero, TimeSpan.FromHours(6)));
        account.Aws.Scenarios.SubmitJobs(RestAccount.Cluster, "q", 1, TimeSpan.FromMinutes(10));
        account.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal("PENDING", account.Aws.Slurm.Jobs(RestAccount.Cluster).Single().State);

        account.Ok("DELETE", "/slurm/v0.0.43/reservation/maint-window");
        account.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal("RUNNING", account.Aws.Slurm.Jobs(RestAccount.Cluster).Single().State);
    }

    [Fact] // slurm_delete_reservation of an unknown name: ESLURM_RESERVATION_INVALID, HTTP 500
    public void Reservation_DeleteUnknown_2053()
    {
        var account = new RestAccount();

        var (status, error) = account.Fails("DELETE", "/slurm/v0.0.43/reservation/nope");

        Assert.Equal((500, 2053, "Error deleting reservation nope"), (status, (int)error["error_number"]!, (string)error["description"]!));
    }

    [Theory] // validate_resv_create_desc, its messages
    [InlineData("\"users\":[\"root\"]", "A start time must be given.  No reservation created.")]
    [InlineData("\"start_time\":1767600000,\"duration\":60", "Either Users/Groups and/or Accounts must be specified.  No reservation created.")]
    [InlineData("\"start_time\":1767600000,\"users\":[\"root\"]", "An end time or duration must be given.  No reservation created.")]
    public void Reservation_Incomplete_2053WithSlurmsMessage(string members, string message)
    {
        var account = new RestAccount();

        var (status, error) = account.Fails("POST", "/slurm/v0.0.43/reservation", $$"""{"name":"r",{{members}},"node_list":"ALL"}""");

        Assert.Equal((500, 2053, message, "validate_resv_create_desc"),
            (status, (int)error["error_number"]!, (string)error["description"]!, (string)error["source"]!));
        Assert.Empty(account.Aws.Slurm.Reservations(RestAccount.Cluster));
    }

    [Fact] // the same name again updates it (reservations.c _create_or_update_each_resv)
    public void Reservation_PostedAgain_Updated()
    {
        var account = new RestAccount();
        account.Ok("POST", "/slurm/v0.0.43/reservation", Maint(account, TimeSpan.FromHours(1), TimeSpan.FromHours(1)));
        var later = account.Now + TimeSpan.FromHours(5);

        account.Ok("POST", "/slurm/v0.0.43/reservation", $$"""{"name":"maint-window","end_time":{{later.ToUnixTimeSeconds()}}}""");

        var reservation = Assert.Single(account.Aws.Slurm.Reservations(RestAccount.Cluster));
        Assert.Equal(later, reservation.End);
    }

    [Fact] // v0.0.42 had no reservation create: a client asking there gets slurmrestd's 404 here
    public void Reservation_OlderVersionPath_404()
    {
        var account = new RestAccount();

        var response = account.Send("POST", "/slurm/v0.0.42/reservation", Maint(account, TimeSpan.FromHours(1), TimeSpan.FromHours(1)));

        Assert.Equal((404, "text/plain"), (response.Status, response.ContentType));
    }

    [Fact] // PCS's own maint reservation of a group whose Capacity Block has not started (guide L3514-3529) is listed too
    public void Reservations_ScheduledCapacityBlock_PcsReservationListed()
    {
        var account = new RestAccount(Scenario.Empty()
            .WithCapacityBlock("block", "p5.48xlarge", 2, "+2h", "+1d")
            .WithLaunchTemplate("gpu-lt", new LaunchTemplateVersionDefinition { InstanceType = "p5.48xlarge", CapacityBlock = "block" })
            .AndCluster("c").WithSlurmRest().WithNodeGroup("gpu", 0, 2, "p5.48xlarge", launchTemplate: "gpu-lt", purchaseOption: "CAPACITY_BLOCK")
            .WithQueue("gpu", "gpu"));

        var listed = account.Ok("GET", "/slurm/v0.0.43/reservations/")["reservations"]!.AsArray();

        Assert.Equal(("gpu-scheduled", "gpu-[1-2]"), ((string)listed[0]!["name"]!, (string)listed[0]!["node_list"]!));
        Assert.Equal(["MAINT", "SPEC_NODES"], listed[0]!["flags"]!.AsArray().Select(f => (string)f!));
    }
}
