using System.Globalization;
using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Pcs;

namespace PcsAutomation.LocalAws.SlurmRest;

/// <summary>
/// The operations, each as slurmrestd's handler does it (SchedMD/slurm branch slurm-25.05,
/// <c>src/slurmrestd/plugins/openapi/slurmctld/</c>: <c>diag.c</c>, <c>jobs.c</c>, <c>nodes.c</c>, <c>reservations.c</c>), with
/// the same error descriptions and sources; the state lives in the emulated slurmctld (<see cref="PcsFleet"/>).
/// </summary>
public sealed partial class SlurmRestService
{
    /// <summary>The source and description slurmrestd reports when the operation's first slurmctld call fails (a refused token).</summary>
    private static (string Source, string Description) FirstCall(SlurmRestRoute route) => route.Operation switch
    {
        "get_ping" => ("ping_all_controllers()", "Unable to ping the controller"), // assumption: slurmrestd reports pings, README
        "get_jobs" => ("slurm_load_jobs()", "Unable to query jobs"),
        "get_job" => ("_handle_job_get", $"Unable to query JobId={route.Parameter}"),
        "get_nodes" => ("_dump_nodes", "Failure to query nodes"),
        "get_node" => ("_dump_nodes", $"Failure to query node {route.Parameter}"),
        "post_node" => ("_update_node", $"Failure to update node {route.Parameter}"),
        "post_nodes" => ("_update_nodes", "Failure to update node"),
        "delete_reservation" => ("slurm_delete_reservation", $"Error deleting reservation {route.Parameter}"),
        _ => ("slurm_load_reservations()", "Unable to query reservations"), // reservation reads and create-or-update load them first
    };

    /// <summary>Members the operation's response requires, empty (what slurmrestd dumps next to its errors).</summary>
    private static JsonObject EmptyResponse(string operation) => operation switch
    {
        "get_ping" => new JsonObject { ["pings"] = new JsonArray() },
        "get_jobs" or "get_job" => new JsonObject { ["jobs"] = new JsonArray(), ["last_backfill"] = SlurmRestJson.Unset(), ["last_update"] = SlurmRestJson.Unset() },
        "get_nodes" or "get_node" => new JsonObject { ["nodes"] = new JsonArray(), ["last_update"] = SlurmRestJson.Unset() },
        "get_reservations" or "get_reservation" => new JsonObject { ["reservations"] = new JsonArray(), ["last_update"] = SlurmRestJson.Unset() },
        "post_reservation" or "post_reservations" => new JsonObject { ["reservations"] = new JsonArray() },
        _ => [],
    };

    private SlurmRestResponse Run(PcsCluster cluster, SlurmRestRoute route, string? body, SlurmJwtIdentity identity)
    {
        switch (route.Operation)
        {
            case "get_ping":
                return Ok(SlurmRestJson.Ping(cluster), []);
            case "get_jobs":
                return Ok(Jobs(cluster, null), []);
            case "get_job":
                if (!long.TryParse(route.Parameter, NumberStyles.None, CultureInfo.InvariantCulture, out var jobId))
                    throw SlurmRestReader.Invalid($"job_id {route.Parameter} is not a job id", "op_handler_job");
                return Ok(Jobs(cluster, jobId), []);
            case "get_nodes":
                return Ok(Nodes(cluster, null), []);
            case "get_node":
                return Ok(Nodes(cluster, route.Parameter), []);
            case "post_node":
            case "post_nodes":
                return UpdateNodes(cluster, route, body, identity);
            case "get_reservations":
                return Ok(Reservations(cluster, null), []);
            case "get_reservation":
                return Ok(Reservations(cluster, route.Parameter), []);
            case "delete_reservation":
                fleet.DeleteReservation(cluster, route.Parameter!);
                return Ok([], []);
            default:
                return ModifyReservations(cluster, route.Operation, body);
        }
    }

    private JsonObject Jobs(PcsCluster cluster, long? jobId)
    {
        var now = world.Now;
        var listed = cluster.Jobs.Where(j => j.State != SlurmJob.Completed || j.EndTime + SlurmRestJson.MinJobAge > now).ToList();
        if (jobId is { } id)
        {
            listed = listed.Where(j => j.JobId == id).ToList();
            if (listed.Count == 0) throw new SlurmException(SlurmErrors.InvalidJobId, $"Unable to query JobId={id}", "_handle_job_get");
        }
        var jobs = listed.Select(j => (JsonNode)SlurmRestJson.Job(cluster, j,
            j.InstanceId is null ? null : world.Instances.GetValueOrDefault(j.InstanceId)?.SlurmNodeName, fleet.HeldForMaintenance(cluster, j)));
        return new JsonObject
        {
            ["jobs"] = new JsonArray(jobs.ToArray()),
            ["last_backfill"] = SlurmRestJson.Unset(), // no backfill scheduler is emulated
            ["last_update"] = SlurmRestJson.Time(now),
        };
    }

    private JsonObject Nodes(PcsCluster cluster, string? name)
    {
        var nodes = fleet.SlurmNodes(cluster).ToList();
        if (name is not null)
        {
            nodes = nodes.Where(n => n.Name == name).ToList();
            if (nodes.Count == 0) throw new SlurmException(SlurmErrors.InvalidNodeName, $"Failure to query node {name}", "_dump_nodes");
        }
        return new JsonObject
        {
            ["nodes"] = new JsonArray(nodes.Select(n => (JsonNode)SlurmRestJson.Node(n)).ToArray()),
            ["last_update"] = SlurmRestJson.Time(cluster.Slurm.LastNodeUpdate == default ? cluster.CreatedAt : cluster.Slurm.LastNodeUpdate),
        };
    }

    private JsonObject Reservations(PcsCluster cluster, string? name)
    {
        var reservations = fleet.Reservations(cluster).ToList();
        if (name is not null)
        {
            reservations = reservations.Where(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (reservations.Count == 0)
                throw new SlurmException(SlurmErrors.RestInvalidQuery, $"Unable to find reservation {name}", "_get_single_reservation");
        }
        return new JsonObject
        {
            ["reservations"] = new JsonArray(reservations.Select(r => (JsonNode)SlurmRestJson.Reservation(r)).ToArray()),
            ["last_update"] = SlurmRestJson.Time(cluster.Slurm.LastReservationUpdate == default ? cluster.CreatedAt : cluster.Slurm.LastReservationUpdate),
        };
    }

    /// <summary><c>POST /node/{node_name}</c> (the name may be a hostlist, as slurmctld takes it) and <c>POST /nodes/</c> (names in <c>name</c>).</summary>
    private SlurmRestResponse UpdateNodes(PcsCluster cluster, SlurmRestRoute route, string? body, SlurmJwtIdentity identity)
    {
        var source = route.Operation == "post_node" ? "_update_node" : "_update_nodes";
        var reader = SlurmRestReader.Parse(body, source);
        var (state, reason, names) = reader.NodeUpdate();
        var expression = route.Parameter ?? (names is null ? null : string.Join(',', names))
                         ?? throw SlurmRestReader.Invalid("name is required for a batch node update", source);
        IReadOnlyList<string> nodes;
        try
        {
            nodes = Hostlist.Expand(expression);
        }
        catch (FormatException)
        {
            throw new SlurmException(SlurmErrors.InvalidNodeName, $"Failure to update node {expression}", source);
        }
        try
        {
            fleet.UpdateNodes(cluster, nodes, state, reason, identity.UserName);
        }
        catch (SlurmException e)
        {
            throw new SlurmException(e.ErrorNumber, $"Failure to update node {expression}", source);
        }
        return Ok([], reader.Warnings);
    }

    /// <summary><c>POST /reservation</c> (one description) or <c>POST /reservations/</c> (a list): each created, or updated when its name exists.</summary>
    private SlurmRestResponse ModifyReservations(PcsCluster cluster, string operation, string? body)
    {
        var reader = SlurmRestReader.Parse(body, operation == "post_reservation" ? "_parse_resv_desc" : "_parse_resv_desc_list");
        IReadOnlyList<SlurmRestReader> readers = operation == "post_reservation" ? [reader] : reader.Reservations();
        var requests = readers.Select(r => r.Reservation()
            ?? throw new SlurmException(SlurmErrors.ReservationInvalid, "Reservation must be given.", operation == "post_reservation" ? "_mod_reservation" : "_check_resv_name")).ToList();
        var done = requests.Select(r => fleet.CreateOrUpdateReservation(cluster, r)).ToList();
        return Ok(new JsonObject { ["reservations"] = new JsonArray(done.Select(r => (JsonNode)SlurmRestJson.ReservationDescription(r)).ToArray()) },
            [.. readers.SelectMany(r => r.Warnings)]);
    }
}
