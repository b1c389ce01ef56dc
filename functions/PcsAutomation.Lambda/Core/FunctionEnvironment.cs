using System.Globalization;

namespace PcsAutomation.Lambda.Core;

/// <summary>The function's own settings, which Lambda passes as reserved environment variables.</summary>
/// <param name="FunctionName"><c>AWS_LAMBDA_FUNCTION_NAME</c>.</param>
/// <param name="FunctionVersion"><c>AWS_LAMBDA_FUNCTION_VERSION</c>.</param>
/// <param name="MemoryLimitInMB"><c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>, 0 when unset.</param>
/// <param name="LogGroupName"><c>AWS_LAMBDA_LOG_GROUP_NAME</c>.</param>
/// <param name="LogStreamName"><c>AWS_LAMBDA_LOG_STREAM_NAME</c>.</param>
public sealed record FunctionEnvironment(
    string FunctionName,
    string FunctionVersion,
    int MemoryLimitInMB,
    string LogGroupName,
    string LogStreamName)
{
    /// <summary>Reads the reserved variables; missing ones become empty (a local run has none of them).</summary>
    public static FunctionEnvironment FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        string Read(string name) => getVariable(name) ?? "";
        var memory = int.TryParse(Read("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), NumberStyles.None, CultureInfo.InvariantCulture, out var mb) ? mb : 0;
        return new FunctionEnvironment(
            Read("AWS_LAMBDA_FUNCTION_NAME"),
            Read("AWS_LAMBDA_FUNCTION_VERSION"),
            memory,
            Read("AWS_LAMBDA_LOG_GROUP_NAME"),
            Read("AWS_LAMBDA_LOG_STREAM_NAME"));
    }
}
