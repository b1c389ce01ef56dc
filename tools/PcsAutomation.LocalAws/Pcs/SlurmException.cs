namespace PcsAutomation.LocalAws.Pcs;

/// <summary>
/// An error slurmctld answers a request with: Slurm's error number (<c>slurm/slurm_errno.h</c>), its text
/// (<c>src/common/slurm_errno.c</c>) and, as slurmrestd reports it, a description and the call that failed
/// (v0.0.43 <c>openapi_error</c>: description, error_number, error, source; https://slurm.schedmd.com/rest_api.html).
/// </summary>
public sealed class SlurmException(int errorNumber, string description, string source) : Exception(description)
{
    public int ErrorNumber { get; } = errorNumber;
    public string ErrorSource { get; } = source;

    /// <summary>Slurm's text for the number (<c>slurm_strerror</c>).</summary>
    public string Error => SlurmErrors.Text(ErrorNumber);
}

/// <summary>The Slurm 25.05 error numbers the emulated slurmctld answers with, and their texts (SchedMD/slurm, branch slurm-25.05).</summary>
public static class SlurmErrors
{
    public const int Unspecified = -1;                    // SLURM_ERROR
    public const int ProtocolAuthentication = 1007;      // SLURM_PROTOCOL_AUTHENTICATION_ERROR (guide L7105-7117)
    public const int NodesBusy = 2016;                   // ESLURM_NODES_BUSY
    public const int InvalidJobId = 2017;                // ESLURM_INVALID_JOB_ID
    public const int InvalidNodeName = 2018;             // ESLURM_INVALID_NODE_NAME
    public const int InvalidNodeState = 2028;            // ESLURM_INVALID_NODE_STATE
    public const int ReservationInvalid = 2053;          // ESLURM_RESERVATION_INVALID
    public const int InvalidTimeValue = 2054;            // ESLURM_INVALID_TIME_VALUE
    public const int ReservationOverlap = 2058;          // ESLURM_RESERVATION_OVERLAP
    public const int RestInvalidQuery = 9000;            // ESLURM_REST_INVALID_QUERY

    public static string Text(int number) => number switch
    {
        Unspecified => "Unspecified error",
        ProtocolAuthentication => "Protocol authentication error",
        NodesBusy => "Requested nodes are busy",
        InvalidJobId => "Invalid job id specified",
        InvalidNodeName => "Invalid node name specified",
        InvalidNodeState => "Invalid node state specified",
        ReservationInvalid => "Requested reservation is invalid",
        InvalidTimeValue => "Invalid time specified",
        ReservationOverlap => "Requested reservation overlaps with another reservation",
        RestInvalidQuery => "Query empty or not RFC7320 compliant",
        _ => "Unknown error",
    };
}
