using PcsAutomation.Aws.Runtime;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Metrics;

namespace PcsAutomation.Functions.Hosting;

/// <summary>What the process resolved once at init, handed to the chosen handler's factory.</summary>
/// <param name="HandlerName">The <c>_HANDLER</c> value.</param>
/// <param name="Aws">Every AWS client of the process comes from here (same region, credentials, endpoints).</param>
/// <param name="Time">The clock handlers use; never the wall clock directly.</param>
/// <param name="Function">Lambda's reserved settings (name, version, memory).</param>
/// <param name="LogLevel">The minimum level from <c>AWS_LAMBDA_LOG_LEVEL</c>.</param>
/// <param name="Metrics">CloudWatch Embedded Metric Format output.</param>
/// <param name="GetVariable">The process environment, for handler settings passed as variables.</param>
public sealed record FunctionServices(
    string HandlerName,
    AwsClientFactory Aws,
    TimeProvider Time,
    FunctionEnvironment Function,
    LogLevel LogLevel,
    EmbeddedMetrics Metrics,
    Func<string, string?> GetVariable);
