namespace PcsAutomation.Slurm.Tests.Support;

/// <summary>
/// Answers in the shapes of the v0.0.43 description (SlinkyProject/slurm-client api/v0043/slurm-openapi.gen.json:
/// <c>v0.0.43_openapi_*_resp</c>), with the <c>meta</c> block and some members the client does not read, as slurmrestd sends them.
/// Times are 2026-01-05 08:00:00Z = 1767600000.
/// </summary>
internal static class SlurmResponses
{
    public const long Now = 1767600000;

    private const string Meta = """
        "meta": {"plugin": {"type": "openapi/slurmctld", "name": "Slurm OpenAPI slurmctld", "data_parser": "data_parser/v0.0.43", "accounting_storage": ""},
                 "client": {"source": "[10.0.1.5]:51234", "user": "root", "group": "root"},
                 "command": [], "slurm": {"version": {"major": "25", "micro": "8", "minor": "05"}, "release": "25.05.8", "cluster": "demo"} }
        """;

    public static readonly string Ping = $$"""
        {"pings": [{"hostname": "slurmctld-primary", "pinged": "UP", "responding": true, "latency": 1543, "mode": "primary", "primary": true}],
         {{Meta}}, "errors": [], "warnings": []}
        """;

    /// <summary>Job 101 running on compute-1-[1-2] (2 h limit), 102 pending (no limit), 99 completed, 103 running and completing.</summary>
    public static readonly string Jobs = $$"""
        {"jobs": [
          {"job_id": 101, "name": "train", "user_name": "alice", "user_id": 1001, "job_state": ["RUNNING"], "state_reason": "None",
           "partition": "compute-1", "nodes": "compute-1-[1-2]", "node_count": {"set": true, "infinite": false, "number": 2},
           "submit_time": {"set": true, "infinite": false, "number": {{Now - 3600}} },
           "start_time": {"set": true, "infinite": false, "number": {{Now - 1800}} },
           "end_time": {"set": true, "infinite": false, "number": {{Now + 5400}} },
           "time_limit": {"set": true, "infinite": false, "number": 120}, "batch_flag": true},
          {"job_id": 102, "name": "sweep", "user_name": "bob", "user_id": 1002, "job_state": ["PENDING"], "state_reason": "Resources",
           "partition": "compute-1", "nodes": "",
           "submit_time": {"set": true, "infinite": false, "number": {{Now - 60}} },
           "start_time": {"set": true, "infinite": false, "number": 0},
           "end_time": {"set": true, "infinite": false, "number": 0},
           "time_limit": {"set": false, "infinite": true, "number": 0} },
          {"job_id": 99, "name": "old", "user_name": "alice", "job_state": ["COMPLETED"], "partition": "compute-1", "nodes": "compute-1-1",
           "start_time": {"set": true, "infinite": false, "number": {{Now - 7200}} },
           "end_time": {"set": true, "infinite": false, "number": {{Now - 3700}} },
           "time_limit": {"set": true, "infinite": false, "number": 60} },
          {"job_id": 103, "name": "wrap", "user_name": "carol", "job_state": ["RUNNING", "COMPLETING"], "partition": "gpu", "nodes": "gpu-1",
           "start_time": {"set": true, "infinite": false, "number": {{Now - 600}} },
           "end_time": {"set": true, "infinite": false, "number": {{Now}} },
           "time_limit": {"set": true, "infinite": false, "number": 10} }
         ],
         "last_backfill": {"set": true, "infinite": false, "number": {{Now - 30}} },
         "last_update": {"set": true, "infinite": false, "number": {{Now - 5}} },
         {{Meta}}, "errors": [], "warnings": []}
        """;

    /// <summary>compute-1-1 busy, compute-1-2 draining with our reason, compute-1-3 drained by an operator, gpu-1 idle in the cloud.</summary>
    public static readonly string Nodes = $$"""
        {"nodes": [
          {"name": "compute-1-1", "hostname": "ip-10-0-1-11", "address": "10.0.1.11", "state": ["ALLOCATED"], "reason": "",
           "reason_set_by_user": "", "reason_changed_at": {"set": true, "infinite": false, "number": 0}, "partitions": ["compute-1"], "reservation": ""},
          {"name": "compute-1-2", "state": ["MIXED", "DRAIN"], "reason": "pcs-automation: cluster-secret-rotation run-1",
           "reason_set_by_user": "root", "reason_changed_at": {"set": true, "infinite": false, "number": {{Now - 120}} }, "partitions": ["compute-1"]},
          {"name": "compute-1-3", "state": ["IDLE", "DRAIN"], "reason": "bad DIMM", "reason_set_by_user": "admin",
           "reason_changed_at": {"set": true, "infinite": false, "number": {{Now - 86400}} }, "partitions": ["compute-1", "all"]},
          {"name": "gpu-1", "state": ["IDLE", "CLOUD", "POWERED_DOWN"], "reason": "", "partitions": ["gpu"], "reservation": "pcs-automation-run-1"}
         ],
         "last_update": {"set": true, "infinite": false, "number": {{Now - 5}} },
         {{Meta}}, "errors": [], "warnings": []}
        """;

    public static readonly string Reservations = $$"""
        {"reservations": [
          {"name": "pcs-automation-run-1", "accounts": "", "node_count": 2, "node_list": "compute-1-[1-2]",
           "start_time": {"set": true, "infinite": false, "number": {{Now + 3600}} },
           "end_time": {"set": true, "infinite": false, "number": {{Now + 7200}} },
           "flags": ["MAINT", "IGNORE_JOBS", "SPEC_NODES"], "users": "root", "partition": "", "tres": "cpu=16"},
          {"name": "forever", "node_list": "gpu-1", "start_time": {"set": true, "infinite": false, "number": {{Now - 10}} },
           "end_time": {"set": true, "infinite": true, "number": 0}, "flags": ["SPEC_NODES"], "users": "alice,bob", "partition": "gpu"}
         ],
         "last_update": {"set": true, "infinite": false, "number": {{Now - 5}} },
         {{Meta}}, "errors": [], "warnings": []}
        """;

    /// <summary>The answer to POST /reservation: the description echoed.</summary>
    public static readonly string ReservationCreated = $$"""
        {"reservations": [{"name": "pcs-automation-run-1", "flags": ["MAINT", "IGNORE_JOBS"], "users": ["root"], "node_list": ["compute-1-1", "compute-1-2"]}],
         {{Meta}}, "errors": [], "warnings": []}
        """;

    /// <summary><c>v0.0.43_openapi_resp</c> with no error: node update, reservation delete.</summary>
    public static readonly string Empty = $$"""{ {{Meta}}, "errors": [], "warnings": []}""";

    /// <summary>An answer carrying one Slurm error (<c>v0.0.43_openapi_error</c>).</summary>
    public static string Error(int number, string error, string description, string source) => $$"""
        { {{Meta}}, "errors": [{"description": "{{description}}", "error_number": {{number}}, "error": "{{error}}", "source": "{{source}}"}], "warnings": []}
        """;

    /// <summary>The guide's error 1007 (L7104-7120), as slurmrestd sends it with HTTP 511.</summary>
    public static readonly string ProtocolAuthenticationError =
        Error(1007, "Protocol authentication error", "Unable to query jobs", "slurm_load_jobs()");

    public static readonly string ReservationNotFound =
        Error(2053, "Requested reservation is invalid", "Error deleting reservation gone", "slurm_delete_reservation");

    public static readonly string NodesBusy =
        Error(2016, "Requested nodes are busy", "Error creating reservation pcs-automation-run-1", "slurm_create_reservation");
}
