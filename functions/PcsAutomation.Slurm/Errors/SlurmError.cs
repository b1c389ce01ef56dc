namespace PcsAutomation.Slurm.Errors;

/// <summary>
/// One entry of a slurmrestd response's <c>errors[]</c> (<c>v0.0.43_openapi_error</c>: <c>description</c>,
/// <c>error_number</c>, <c>error</c>, <c>source</c>; SlinkyProject/slurm-client api/v0043/slurm-openapi.gen.json, the
/// OpenAPI description of Slurm 25.05, also at https://slurm.schedmd.com/rest_api.html).
/// </summary>
public sealed record SlurmError(int? ErrorNumber, string? Error, string? Description, string? Source)
{
    /// <summary>SLURM_PROTOCOL_AUTHENTICATION_ERROR, "Protocol authentication error": the token was refused (guide L7098-7123).</summary>
    public const int ProtocolAuthenticationError = 1007;

    /// <summary>ESLURM_ACCESS_DENIED, "Access/permission denied" (slurm/slurm_errno.h): the token's user is no Slurm administrator.</summary>
    public const int AccessDenied = 2002;

    /// <summary>ESLURM_RESERVATION_INVALID, "Requested reservation is invalid" (slurm/slurm_errno.h): e.g. deleting one that is gone.</summary>
    public const int ReservationInvalid = 2053;

    /// <summary>"1007 Protocol authentication error (Batch job submission failed; slurm_submit_batch_job())".</summary>
    public override string ToString()
    {
        var head = string.Join(' ', new[] { ErrorNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture), Error }.Where(p => !string.IsNullOrEmpty(p)));
        var detail = string.Join("; ", new[] { Description, Source }.Where(p => !string.IsNullOrEmpty(p)));
        return (head, detail) switch
        {
            ("", "") => "unspecified error",
            ("", _) => detail,
            (_, "") => head,
            _ => $"{head} ({detail})",
        };
    }
}
