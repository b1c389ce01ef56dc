using System.Text.Json.Nodes;
using PcsAutomation.Slurm.Errors;
using PcsAutomation.Slurm.Model;
using PcsAutomation.Slurm.Tests.Support;

namespace PcsAutomation.Slurm.Tests.Client;

public sealed class SlurmRestClientOperationTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(SlurmResponses.Now);

    [Fact]
    public async Task PingAsync_Answer_EveryController()
    {
        var stub = new StubSlurmrestd().Offering(43).On("GET /slurm/v0.0.43/ping/", 200, SlurmResponses.Ping);
        using var client = await new Clients().ConnectAsync(stub);

        var pings = await client.PingAsync();

        Assert.Equal([new SlurmPing("slurmctld-primary", true, true, TimeSpan.FromMicroseconds(1543))], pings);
    }

    [Fact]
    public async Task ListJobsAsync_RunningPendingCompletedCompleting_ActiveOnesWithTheirTimes()
    {
        var stub = new StubSlurmrestd().Offering(43).On("GET /slurm/v0.0.43/jobs/", 200, SlurmResponses.Jobs);
        using var client = await new Clients().ConnectAsync(stub);

        var jobs = await client.ListJobsAsync();

        Assert.Equal([101, 102, 103], jobs.Select(j => j.JobId));
        var running = jobs[0];
        Assert.True(running.IsRunning);
        Assert.Equal("compute-1", running.Partition);
        Assert.Equal("compute-1-[1-2]", running.Nodes);
        Assert.Equal(Now.AddMinutes(-30), running.StartTime);
        Assert.Equal(Now.AddMinutes(90), running.EndTime);
        Assert.Equal(TimeSpan.FromHours(2), running.TimeLimit);
        var pending = jobs[1];
        Assert.True(pending.IsPending);
        Assert.Equal("Resources", pending.StateReason);
        Assert.Null(pending.Nodes);
        Assert.Null(pending.StartTime);   // number 0: not yet known
        Assert.Null(pending.EndTime);
        Assert.Null(pending.TimeLimit);   // infinite: UNLIMITED
        Assert.Equal(["RUNNING", "COMPLETING"], jobs[2].States);
    }

    [Fact]
    public async Task ListNodesAsync_Answer_StatesReasonsAndPartitions()
    {
        var stub = new StubSlurmrestd().Offering(43).On("GET /slurm/v0.0.43/nodes/", 200, SlurmResponses.Nodes);
        using var client = await new Clients().ConnectAsync(stub);

        var nodes = (await client.ListNodesAsync()).ToDictionary(n => n.Name);

        Assert.Equal(4, nodes.Count);
        Assert.True(nodes["compute-1-1"].IsBusy);
        Assert.Null(nodes["compute-1-1"].Reason);
        Assert.True(nodes["compute-1-2"].IsDraining);
        Assert.True(SlurmDrainReason.DrainedBy(nodes["compute-1-2"], "cluster-secret-rotation", "run-1"));
        Assert.Equal(Now.AddMinutes(-2), nodes["compute-1-2"].ReasonChangedAt);
        Assert.True(nodes["compute-1-3"].IsDrained);
        Assert.False(SlurmDrainReason.IsOurs(nodes["compute-1-3"].Reason));
        Assert.Equal(["compute-1", "all"], nodes["compute-1-3"].Partitions);
        Assert.Equal("pcs-automation-run-1", nodes["gpu-1"].Reservation);
        Assert.False(nodes["gpu-1"].IsDrain);
    }

    [Fact]
    public async Task DrainNodesAsync_TwoNodes_OneBatchUpdateWithDrainAndTheReason()
    {
        var stub = new StubSlurmrestd().Offering(43).On("POST /slurm/v0.0.43/nodes/", 200, SlurmResponses.Empty);
        using var client = await new Clients().ConnectAsync(stub);

        await client.DrainNodesAsync(["compute-1-1", "compute-1-2"], SlurmDrainReason.For("cluster-secret-rotation", "run-1"));

        var update = stub.Requests[^1];
        Assert.Equal("POST /slurm/v0.0.43/nodes/", update.Line);
        Assert.Equal("application/json", update.ContentType);
        // v0.0.43_update_node_msg: name (hostlist_string), state, reason
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"name": ["compute-1-1", "compute-1-2"], "state": ["DRAIN"], "reason": "pcs-automation: cluster-secret-rotation run-1"}"""),
            JsonNode.Parse(update.Body!)), update.Body);
    }

    [Fact]
    public async Task ResumeNodesAsync_TwoNodes_OneBatchUpdateWithResume()
    {
        var stub = new StubSlurmrestd().Offering(43).On("POST /slurm/v0.0.43/nodes/", 200, SlurmResponses.Empty);
        using var client = await new Clients().ConnectAsync(stub);

        await client.ResumeNodesAsync(["compute-1-2"]);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"name": ["compute-1-2"], "state": ["RESUME"]}"""), JsonNode.Parse(stub.Requests[^1].Body!)));
    }

    [Fact]
    public async Task DrainNodesAsync_NoNode_SendsNothing()
    {
        var stub = new StubSlurmrestd().Offering(43);
        using var client = await new Clients().ConnectAsync(stub);

        await client.DrainNodesAsync([], "pcs-automation: x y");

        Assert.Single(stub.Requests); // the OpenAPI document only
    }

    [Fact]
    public async Task DrainNodesAsync_NodeNameWithAComma_ThrowsBeforeAnyRequest()
    {
        var stub = new StubSlurmrestd().Offering(43);
        using var client = await new Clients().ConnectAsync(stub);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.DrainNodesAsync(["a,b"], "pcs-automation: x y"));

        Assert.Contains("'a,b'", error.Message, StringComparison.Ordinal);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task ListReservationsAsync_Answer_NamesNodesWindowAndFlags()
    {
        var stub = new StubSlurmrestd().Offering(43).On("GET /slurm/v0.0.43/reservations/", 200, SlurmResponses.Reservations);
        using var client = await new Clients().ConnectAsync(stub);

        var reservations = await client.ListReservationsAsync();

        Assert.Equal(2, reservations.Count);
        var maintenance = reservations[0];
        Assert.True(maintenance.IsMaintenance);
        Assert.Equal("compute-1-[1-2]", maintenance.NodeList);
        Assert.Equal(Now.AddHours(1), maintenance.StartTime);
        Assert.Equal(Now.AddHours(2), maintenance.EndTime);
        Assert.Equal("root", maintenance.Users);
        Assert.Null(maintenance.Partition);
        Assert.False(reservations[1].IsMaintenance);
        Assert.Null(reservations[1].EndTime); // infinite
    }

    [Fact]
    public async Task CreateMaintenanceReservationAsync_Window_PostsTheDescriptionHeldByTheTokensUser()
    {
        var stub = new StubSlurmrestd().Offering(43).On("POST /slurm/v0.0.43/reservation", 200, SlurmResponses.ReservationCreated);
        using var client = await new Clients().ConnectAsync(stub);
        var reservation = new SlurmMaintenanceReservation(
            SlurmMaintenanceReservation.NameFor("run-1"), ["compute-1-1", "compute-1-2"],
            Now.AddHours(1).AddMilliseconds(400), Now.AddHours(3).AddMilliseconds(400), "pcs-automation: cluster-secret-rotation run-1");

        await client.CreateMaintenanceReservationAsync(reservation);

        // v0.0.43_reservation_desc_msg; start rounded down, end rounded up to whole seconds
        var expected = JsonNode.Parse($$"""
            {"name": "pcs-automation-run-1", "node_list": ["compute-1-1", "compute-1-2"],
             "start_time": {"set": true, "infinite": false, "number": {{SlurmResponses.Now + 3600}}},
             "end_time": {"set": true, "infinite": false, "number": {{SlurmResponses.Now + 10801}}},
             "flags": ["MAINT", "IGNORE_JOBS"], "users": ["root"], "comment": "pcs-automation: cluster-secret-rotation run-1"}
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(stub.Requests[^1].Body!)), stub.Requests[^1].Body);
    }

    [Fact]
    public async Task DeleteReservationAsync_Existing_TrueAndTheNameInThePath()
    {
        var stub = new StubSlurmrestd().Offering(43).On("DELETE /slurm/v0.0.43/reservation/pcs-automation-run-1", 200, SlurmResponses.Empty);
        using var client = await new Clients().ConnectAsync(stub);

        Assert.True(await client.DeleteReservationAsync("pcs-automation-run-1"));
        Assert.Equal("DELETE /slurm/v0.0.43/reservation/pcs-automation-run-1", stub.Requests[^1].Line);
    }

    [Fact]
    public async Task DeleteReservationAsync_AlreadyGone_FalseWithoutError()
    {
        var stub = new StubSlurmrestd().Offering(43).On("DELETE /slurm/v0.0.43/reservation/gone", 500, SlurmResponses.ReservationNotFound);
        using var client = await new Clients().ConnectAsync(stub);

        Assert.False(await client.DeleteReservationAsync("gone"));
        Assert.Equal(2, stub.Requests.Count); // not retried: a Slurm error is Slurm's answer
    }

    [Fact]
    public async Task ReservationOperations_VersionWithoutThem_NotSupportedAndNothingSent()
    {
        var stub = new StubSlurmrestd().On("GET /openapi/v3", 200,
            OpenApiDocuments.Custom(43, ("/slurm/{v}/reservations/", ["get"])));
        using var client = await new Clients().ConnectAsync(stub);
        var reservation = new SlurmMaintenanceReservation("r", ["n1"], Now, Now.AddHours(1), "c");

        Assert.False(client.Capabilities.Reservations);
        await Assert.ThrowsAsync<SlurmRestNotSupportedException>(() => client.ListReservationsAsync());
        await Assert.ThrowsAsync<SlurmRestNotSupportedException>(() => client.CreateMaintenanceReservationAsync(reservation));
        var error = await Assert.ThrowsAsync<SlurmRestNotSupportedException>(() => client.DeleteReservationAsync("r"));
        Assert.Contains("drain the nodes instead", error.Message, StringComparison.Ordinal);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Requests_NewestKnownVersionOffered_UseItsPaths()
    {
        var stub = new StubSlurmrestd().Offering(43, 44, 45).On("GET /slurm/v0.0.45/ping/", 200, SlurmResponses.Ping);
        using var client = await new Clients().ConnectAsync(stub);

        await client.PingAsync();

        Assert.Equal("GET /slurm/v0.0.45/ping/", stub.Requests[^1].Line);
    }
}
