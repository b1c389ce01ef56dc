namespace PcsAutomation.Slurm.Wire;

// The JSON of slurmrestd v0.0.43 to v0.0.45, only the members the client reads or writes (unknown members are ignored).
// Names and shapes: SlinkyProject/slurm-client api/v0043/slurm-openapi.gen.json components.schemas (Slurm 25.05.8;
// the reference for https://slurm.schedmd.com/rest_api.html), snake_case on the wire (SlurmWireJsonContext).

/// <summary><c>v0.0.43_uint64_no_val_struct</c> / <c>uint32_no_val_struct</c>: a number that may be unset or infinite.</summary>
internal sealed record WireNoVal
{
    public bool? Set { get; init; }

    public bool? Infinite { get; init; }

    public long? Number { get; init; }

    /// <summary>The number when set, finite; null otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long? Value => Set == true && Infinite != true ? Number : null;

    public static WireNoVal Of(long number) => new() { Set = true, Infinite = false, Number = number };
}

/// <summary><c>v0.0.43_openapi_error</c>.</summary>
internal sealed record WireError
{
    public int? ErrorNumber { get; init; }

    public string? Error { get; init; }

    public string? Description { get; init; }

    public string? Source { get; init; }
}

/// <summary><c>v0.0.43_openapi_warning</c>.</summary>
internal sealed record WireWarning
{
    public string? Description { get; init; }

    public string? Source { get; init; }
}

/// <summary><c>v0.0.43_openapi_resp</c>: what every response carries (node update and reservation delete answer only this).</summary>
internal record WireResponse
{
    public List<WireError>? Errors { get; init; }

    public List<WireWarning>? Warnings { get; init; }
}

/// <summary><c>v0.0.43_openapi_ping_array_resp</c>.</summary>
internal sealed record WirePingResponse : WireResponse
{
    public List<WirePing>? Pings { get; init; }
}

/// <summary><c>v0.0.43_controller_ping</c>.</summary>
internal sealed record WirePing
{
    public string? Hostname { get; init; }

    public bool? Responding { get; init; }

    public bool? Primary { get; init; }

    public long? Latency { get; init; }
}

/// <summary><c>v0.0.43_openapi_job_info_resp</c>.</summary>
internal sealed record WireJobsResponse : WireResponse
{
    public List<WireJob>? Jobs { get; init; }
}

/// <summary><c>v0.0.43_job_info</c>.</summary>
internal sealed record WireJob
{
    public int? JobId { get; init; }

    public string? Name { get; init; }

    public string? UserName { get; init; }

    public List<string>? JobState { get; init; }

    public string? StateReason { get; init; }

    public string? Partition { get; init; }

    public string? Nodes { get; init; }

    public WireNoVal? SubmitTime { get; init; }

    public WireNoVal? StartTime { get; init; }

    public WireNoVal? EndTime { get; init; }

    /// <summary>Minutes.</summary>
    public WireNoVal? TimeLimit { get; init; }
}

/// <summary><c>v0.0.43_openapi_nodes_resp</c>.</summary>
internal sealed record WireNodesResponse : WireResponse
{
    public List<WireNode>? Nodes { get; init; }
}

/// <summary><c>v0.0.43_node</c>.</summary>
internal sealed record WireNode
{
    public string? Name { get; init; }

    public List<string>? State { get; init; }

    public string? Reason { get; init; }

    public string? ReasonSetByUser { get; init; }

    public WireNoVal? ReasonChangedAt { get; init; }

    /// <summary><c>v0.0.43_csv_string</c>: an array of strings.</summary>
    public List<string>? Partitions { get; init; }

    public string? Reservation { get; init; }
}

/// <summary><c>v0.0.43_update_node_msg</c>, the body of POST /slurm/v0.0.43/nodes/ (batch).</summary>
internal sealed record WireUpdateNode
{
    /// <summary><c>v0.0.43_hostlist_string</c>: node names.</summary>
    public List<string>? Name { get; init; }

    public List<string>? State { get; init; }

    public string? Reason { get; init; }
}

/// <summary><c>v0.0.43_openapi_reservation_resp</c>.</summary>
internal sealed record WireReservationsResponse : WireResponse
{
    public List<WireReservation>? Reservations { get; init; }
}

/// <summary><c>v0.0.43_reservation_info</c>.</summary>
internal sealed record WireReservation
{
    public string? Name { get; init; }

    /// <summary>A hostlist expression, e.g. "compute-[1-4]".</summary>
    public string? NodeList { get; init; }

    public WireNoVal? StartTime { get; init; }

    public WireNoVal? EndTime { get; init; }

    public List<string>? Flags { get; init; }

    /// <summary>Comma-separated.</summary>
    public string? Users { get; init; }

    public string? Partition { get; init; }
}

/// <summary><c>v0.0.43_reservation_desc_msg</c>, the body of POST /slurm/v0.0.43/reservation.</summary>
internal sealed record WireReservationDescription
{
    public string? Name { get; init; }

    /// <summary><c>v0.0.43_hostlist_string</c>.</summary>
    public List<string>? NodeList { get; init; }

    public WireNoVal? StartTime { get; init; }

    public WireNoVal? EndTime { get; init; }

    public List<string>? Flags { get; init; }

    /// <summary><c>v0.0.43_csv_string</c>.</summary>
    public List<string>? Users { get; init; }

    public string? Comment { get; init; }
}

/// <summary><c>v0.0.43_openapi_reservation_mod_resp</c>.</summary>
internal sealed record WireReservationModResponse : WireResponse
{
    public List<WireReservationDescription>? Reservations { get; init; }
}
