using PcsAutomation.Slurm.Errors;

namespace PcsAutomation.Slurm.Client;

/// <summary>What to do with a slurmrestd answer (pure).</summary>
internal enum SlurmAnswerKind
{
    Success,

    /// <summary>slurmctld refused the token (error 1007, HTTP 511): re-read the current key and try once more.</summary>
    KeyRefused,

    /// <summary>slurmrestd refused the request's authentication (HTTP 401).</summary>
    Unauthenticated,

    /// <summary>Worth another attempt: 502/503/504, or 500 without a Slurm error.</summary>
    Transient,

    /// <summary>A Slurm error (or a 4xx): another attempt would fail the same way.</summary>
    Failed,
}

/// <summary>
/// Classifies an answer by status and <c>errors[]</c>, following how slurmrestd picks its status (SchedMD/slurm
/// slurm-25-05-8-1 src/slurmrestd/operations.c): 401 when its own authentication fails; for an error from Slurm, 500 by
/// default, 511 for SLURM_PROTOCOL_AUTHENTICATION_ERROR (1007), 502 for communication errors with slurmctld, 504 for a
/// socket timeout, 422/400 for a malformed query, 404 for an unknown job. The errors are in the body in each case.
/// </summary>
internal static class SlurmResponseClassifier
{
    public static SlurmAnswerKind Classify(int status, IReadOnlyList<SlurmError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (status == 511 || errors.Any(e => e.ErrorNumber == SlurmError.ProtocolAuthenticationError))
            return SlurmAnswerKind.KeyRefused;
        if (status == 401)
            return SlurmAnswerKind.Unauthenticated;
        if (status is >= 200 and < 300)
            return errors.Count == 0 ? SlurmAnswerKind.Success : SlurmAnswerKind.Failed;
        if (status is 502 or 503 or 504)
            return SlurmAnswerKind.Transient;
        // a 500 naming a Slurm error is Slurm's answer (e.g. nodes busy), not a failing daemon
        if (status == 500 && errors.Count == 0)
            return SlurmAnswerKind.Transient;
        return SlurmAnswerKind.Failed;
    }
}
