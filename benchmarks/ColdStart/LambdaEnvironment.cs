namespace PcsAutomation.Benchmarks.ColdStart;

/// <summary>One function of template.yaml whose cold start is measured.</summary>
/// <param name="LogicalId">Its logical id (the Makefile target is <c>build-&lt;LogicalId&gt;</c>).</param>
/// <param name="Handler">Its <c>Handler</c>, the bootstrap's <c>_HANDLER</c>.</param>
/// <param name="AnswersWithError">The benchmark's <c>{}</c> event is refused by the handler (an invocation error,
/// posted to <c>/error</c> before any AWS call): the round trip is still measured, the error is the expected answer.</param>
/// <param name="Why">What this function shows, for the report.</param>
public sealed record MeasuredFunction(string LogicalId, string Handler, bool AnswersWithError, string Why);

/// <summary>
/// The environment Lambda gives a <c>provided.al2023</c> function, with dummy credentials: the bootstrap starts
/// exactly as it would in Lambda (no credential chain lookups reaching for IMDS), and nothing from the
/// benchmark's own environment leaks in.
/// </summary>
public static class LambdaEnvironment
{
    /// <summary>The Makefile target that builds the one bootstrap every function shares.</summary>
    public const string BuildLogicalId = "DiagnosticsFunction";

    /// <summary>
    /// Diagnostics (no AWS client) and a rotation handler that builds AWS clients at init (PCS, EC2, DynamoDB), so a
    /// change that speeds up one and not the other shows.
    /// </summary>
    public static IReadOnlyList<MeasuredFunction> Functions { get; } =
    [
        new("DiagnosticsFunction", "Diagnostics", AnswersWithError: false, "no AWS client; answers the event"),
        new("RestoreNodeGroupsFunction", "RestoreNodeGroups", AnswersWithError: true,
            "builds PCS, EC2 and DynamoDB clients at init; refuses the empty event before any AWS call"),
    ];

    /// <summary>The variables for one process of <paramref name="function"/> talking to the Runtime API at <paramref name="runtimeApi"/>.</summary>
    public static IReadOnlyDictionary<string, string> For(string runtimeApi, string taskRoot, MeasuredFunction function) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
        ["LANG"] = "en_US.UTF-8",
        ["TZ"] = ":UTC",
        ["LAMBDA_TASK_ROOT"] = taskRoot,
        ["LAMBDA_RUNTIME_DIR"] = "/var/runtime",
        ["AWS_LAMBDA_RUNTIME_API"] = runtimeApi,
        ["_HANDLER"] = function.Handler,
        ["AWS_REGION"] = "us-east-1",
        ["AWS_DEFAULT_REGION"] = "us-east-1",
        // Dummy values of the right shape (the SigV4 suite's documented example key); never a real credential.
        ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE",
        ["AWS_SECRET_ACCESS_KEY"] = "benchmark-dummy-secret",
        ["AWS_SESSION_TOKEN"] = "benchmark-dummy-session-token",
        ["AWS_LAMBDA_FUNCTION_NAME"] = "pcs-automation-" + function.LogicalId,
        ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
        ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "256",
        ["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand",
        ["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/pcs-automation-" + function.LogicalId,
        ["AWS_LAMBDA_LOG_STREAM_NAME"] = "2026/01/01/[$LATEST]0123456789abcdef0123456789abcdef",
        ["AWS_LAMBDA_LOG_FORMAT"] = "JSON",
        ["AWS_LAMBDA_LOG_LEVEL"] = "INFO",
        ["AWS_XRAY_CONTEXT_MISSING"] = "LOG_ERROR",
        // template.yaml's Globals.Function.Environment
        ["PCS_AUTOMATION_STACK_NAME"] = "pcs-automation",
        ["PCS_AUTOMATION_MANAGED_TAG_KEY"] = "pcs-automation:managed",
        ["PCS_AUTOMATION_MAINTENANCE_WINDOW"] = "sun:02:00-sun:06:00",
        ["PCS_AUTOMATION_ROTATION_MAX_AGE"] = "90d",
        ["PCS_AUTOMATION_BYO_LOGIN_TAG_KEY"] = "pcs-automation:byo-login-for",
        ["PCS_AUTOMATION_LEASE_TABLE"] = "pcs-automation-ClusterLeaseTable",
        ["PCS_AUTOMATION_LEASE_SECONDS"] = "14400",
    };
}
