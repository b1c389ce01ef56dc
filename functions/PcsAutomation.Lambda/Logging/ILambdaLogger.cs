namespace PcsAutomation.Lambda.Logging;

/// <summary>Structured logger of a Lambda function; shaped like Amazon.Lambda.Core's <c>ILambdaLogger</c>.</summary>
public interface ILambdaLogger
{
    /// <summary>Whether a line at <paramref name="level"/> would be written (<c>AWS_LAMBDA_LOG_LEVEL</c>).</summary>
    bool IsEnabled(LogLevel level);

    /// <summary>Writes one line; an exception adds Lambda's <c>errorType</c>, <c>errorMessage</c> and <c>stackTrace</c> fields.</summary>
    void Log(LogLevel level, string message, Exception? exception = null);

    /// <summary>
    /// Adds <paramref name="name"/> = <paramref name="value"/> to every line logged until the scope is disposed
    /// (e.g. <c>clusterId</c>), across awaits.
    /// </summary>
    IDisposable BeginScope(string name, string value);
}

/// <summary>The per-level shorthands Amazon.Lambda.Core offers.</summary>
public static class LambdaLoggerExtensions
{
    public static void LogTrace(this ILambdaLogger logger, string message) => Checked(logger).Log(LogLevel.Trace, message);
    public static void LogDebug(this ILambdaLogger logger, string message) => Checked(logger).Log(LogLevel.Debug, message);
    public static void LogInformation(this ILambdaLogger logger, string message) => Checked(logger).Log(LogLevel.Information, message);
    public static void LogWarning(this ILambdaLogger logger, string message) => Checked(logger).Log(LogLevel.Warning, message);

    public static void LogError(this ILambdaLogger logger, string message, Exception? exception = null) =>
        Checked(logger).Log(LogLevel.Error, message, exception);

    public static void LogCritical(this ILambdaLogger logger, string message, Exception? exception = null) =>
        Checked(logger).Log(LogLevel.Critical, message, exception);

    private static ILambdaLogger Checked(ILambdaLogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        return logger;
    }
}
