namespace PcsAutomation.Lambda.Logging;

/// <summary>Log levels, named like Amazon.Lambda.Core's; written as Lambda's JSON levels (TRACE ... FATAL).</summary>
public enum LogLevel
{
    Trace,
    Debug,
    Information,
    Warning,
    Error,
    Critical,
}

/// <summary>Conversions between <see cref="LogLevel"/> and the names Lambda uses in <c>AWS_LAMBDA_LOG_LEVEL</c> and in JSON logs.</summary>
public static class LogLevels
{
    /// <summary>The variable Lambda sets from the function's <c>LoggingConfig.ApplicationLogLevel</c>.</summary>
    public const string LogLevelVariable = "AWS_LAMBDA_LOG_LEVEL";

    /// <summary>Lambda's name for a level, as it appears in the <c>level</c> field.</summary>
    public static string ToLambdaName(this LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "ERROR",
        _ => "FATAL",
    };

    /// <summary>
    /// The minimum level for an <c>AWS_LAMBDA_LOG_LEVEL</c> value; INFO when unset, as Lambda does. Lambda itself
    /// rejects other values when the function is configured, so an unknown one here is a local typo: fail loudly.
    /// </summary>
    public static LogLevel Parse(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" => LogLevel.Information,
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "INFO" => LogLevel.Information,
        "WARN" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "FATAL" => LogLevel.Critical,
        _ => throw new ArgumentException($"{LogLevelVariable} is '{value}'; expected TRACE, DEBUG, INFO, WARN, ERROR or FATAL.", nameof(value)),
    };
}
