namespace PcsAutomation.Benchmarks.ColdStart;

/// <summary>
/// The environment Lambda gives a <c>provided.al2023</c> function, with dummy credentials: the bootstrap starts
/// exactly as it would in Lambda (no credential chain lookups reaching for IMDS), and nothing from the
/// benchmark's own environment leaks in.
/// </summary>
public static class LambdaEnvironment
{
    /// <summary>The logical id and handler measured: the template's one function.</summary>
    public const string LogicalId = "DiagnosticsFunction";

    /// <summary>The handler the function's <c>Handler</c> names.</summary>
    public const string Handler = "Diagnostics";

    /// <summary>The variables for one process talking to the Runtime API at <paramref name="runtimeApi"/>.</summary>
    public static IReadOnlyDictionary<string, string> For(string runtimeApi, string taskRoot) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
        ["LANG"] = "en_US.UTF-8",
        ["TZ"] = ":UTC",
        ["LAMBDA_TASK_ROOT"] = taskRoot,
        ["LAMBDA_RUNTIME_DIR"] = "/var/runtime",
        ["AWS_LAMBDA_RUNTIME_API"] = runtimeApi,
        ["_HANDLER"] = Handler,
        ["AWS_REGION"] = "us-east-1",
        ["AWS_DEFAULT_REGION"] = "us-east-1",
        // Dummy values of the right shape (the SigV4 suite's documented example key); never a real credential.
        ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE",
        ["AWS_SECRET_ACCESS_KEY"] = "benchmark-dummy-secret",
        ["AWS_SESSION_TOKEN"] = "benchmark-dummy-session-token",
        ["AWS_LAMBDA_FUNCTION_NAME"] = "pcs-automation-" + LogicalId,
        ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
        ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "256",
        ["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand",
        ["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/pcs-automation-" + LogicalId,
        ["AWS_LAMBDA_LOG_STREAM_NAME"] = "2026/01/01/[$LATEST]0123456789abcdef0123456789abcdef",
        ["AWS_LAMBDA_LOG_FORMAT"] = "JSON",
        ["AWS_LAMBDA_LOG_LEVEL"] = "INFO",
        ["AWS_XRAY_CONTEXT_MISSING"] = "LOG_ERROR",
        // template.yaml's Globals.Function.Environment
        ["PCS_AUTOMATION_STACK_NAME"] = "pcs-automation",
        ["PCS_AUTOMATION_MANAGED_TAG_KEY"] = "pcs-automation:managed",
    };
}
