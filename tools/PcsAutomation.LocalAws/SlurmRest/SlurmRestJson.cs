using System.Text.Json.Nodes;
using PcsAutomation.LocalAws.Pcs;

namespace PcsAutomation.LocalAws.SlurmRest;

/// <summary>
/// The subset of slurmrestd's v0.0.43 shapes the emulator serves, member names and types as in the OpenAPI description
/// of Slurm 25.05 (https://slurm.schedmd.com/rest_api.html; the generated spec SlinkyProject/slurm-client
/// <c>api/v0043/slurm-openapi.gen.json</c>, Slurm-25.05.8): <c>job_info</c>, <c>node</c>, <c>reservation_info</c>,
/// <c>reservation_desc_msg</c>, <c>controller_ping</c>, <c>openapi_error</c>. Times and counts are the spec's
/// <c>*_no_val_struct</c> objects (<c>{"set","infinite","number"}</c>), times in UNIX seconds. Members outside the subset are
/// left out (the spec marks none of them required).
/// </summary>
public static class SlurmRestJson
{
    /// <summary>How long slurmctld keeps a finished job listed: <c>MinJobAge</c>, default 300 s (<c>src/common/read_config.h</c>, DEFAULT_MIN_JOB_AGE).</summary>
    public static readonly TimeSpan MinJobAge = TimeSpan.FromSeconds(300);

    public static JsonObject Number(long value) => new() { ["set"] = true, ["infinite"] = false, ["number"] = value };

    public static JsonObject Unset() => new() { ["set"] = false, ["infinite"] = false, ["number"] = 0 };

    public static JsonObject Time(DateTimeOffset? time) => Number(time?.ToUnixTimeSeconds() ?? 0);

    public static JsonObject Error(SlurmException error) => new()
    {
        ["description"] = error.Message,
        ["error_number"] = error.ErrorNumber,
        ["error"] = error.Error,
        ["source"] = error.ErrorSource,
    };

    public static JsonObject Job(PcsCluster cluster, SlurmJob job, string? node, bool heldForMaintenance)
    {
        var running = job.State == SlurmJob.Running;
        var json = new JsonObject
        {
            ["cluster"] = cluster.Name,
            ["job_id"] = job.JobId,
            ["job_state"] = new JsonArray(job.State),
            ["partition"] = cluster.Queues.GetValueOrDefault(job.QueueId)?.Name ?? "",
            ["nodes"] = node ?? "",
            ["node_count"] = Number(1),
            ["submit_time"] = Time(job.SubmitTime),
            ["start_time"] = Time(job.StartTime),
            // "End time, real or expected": start + time limit while it runs, 0 while pending.
            ["end_time"] = Time(running ? job.ExpectedEnd : job.EndTime),
            ["time_limit"] = Number((long)job.TimeLimit.TotalMinutes),
            ["requeue"] = true,
            ["restart_cnt"] = job.Requeues,
            // src/common/job_state_reason.c; src/slurmctld/node_scheduler.c: "ReqNodeNotAvail, Reserved for maintenance"
            ["state_reason"] = job.State != SlurmJob.Pending ? "None" : heldForMaintenance ? "ReqNodeNotAvail" : "Resources",
        };
        if (heldForMaintenance) json["state_description"] = "ReqNodeNotAvail, Reserved for maintenance";
        return json;
    }

    public static JsonObject Node(SlurmNodeInfo node) => new()
    {
        ["name"] = node.Name,
        ["hostname"] = node.Name,
        ["address"] = node.Address ?? node.Name,
        ["state"] = Strings(node.State),
        ["reason"] = node.Reason ?? "",
        ["reason_changed_at"] = Time(node.ReasonChangedAt),
        ["reason_set_by_user"] = node.ReasonSetByUser ?? "",
        ["partitions"] = Strings(node.Partitions),
        ["reservation"] = node.Reservation ?? "",
        // guide L3544: a node's features include its group's name (AvailableFeatures=test-8-gamma-cb,gpu)
        ["features"] = new JsonArray(node.NodeGroup),
        ["active_features"] = new JsonArray(node.NodeGroup),
        ["instance_id"] = node.InstanceId ?? "",
        ["instance_type"] = node.InstanceType,
    };

    public static JsonObject Reservation(SlurmAdvancedReservation r) => new()
    {
        ["name"] = r.Name,
        ["start_time"] = Time(r.Start),
        ["end_time"] = Time(r.End),
        ["node_list"] = Hostlist.Compress(r.Nodes),
        ["node_count"] = r.Nodes.Count,
        ["flags"] = Strings(r.Flags),
        ["users"] = string.Join(',', r.Users),
        ["accounts"] = string.Join(',', r.Accounts),
        ["partition"] = r.Partition ?? "",
    };

    /// <summary>A reservation description as <c>POST /reservation</c> answers it (v0.0.43 <c>reservation_desc_msg</c>).</summary>
    public static JsonObject ReservationDescription(SlurmAdvancedReservation r)
    {
        var json = new JsonObject
        {
            ["name"] = r.Name,
            ["start_time"] = Time(r.Start),
            ["end_time"] = Time(r.End),
            ["node_list"] = new JsonArray(Hostlist.Compress(r.Nodes)),
            ["flags"] = Strings(r.Flags),
            ["users"] = Strings(r.Users),
            ["accounts"] = Strings(r.Accounts),
        };
        if (r.Partition is not null) json["partition"] = r.Partition;
        if (r.Comment is not null) json["comment"] = r.Comment;
        return json;
    }

    public static JsonObject Ping(PcsCluster cluster) => new()
    {
        ["pings"] = new JsonArray(new JsonObject
        {
            ["hostname"] = $"ip-{cluster.ControllerIp.Replace('.', '-')}",
            ["pinged"] = "UP",
            ["responding"] = true,
            ["latency"] = 0,
            ["mode"] = "primary",
            ["primary"] = true,
        }),
    };

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)v).ToArray());
}
