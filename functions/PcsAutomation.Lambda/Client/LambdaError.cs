using System.Text.Json.Serialization;

namespace PcsAutomation.Lambda.Client;

/// <summary>
/// The body Lambda expects on <c>/error</c> and <c>/init/error</c>. <see cref="ErrorType"/> also goes in the
/// <c>Lambda-Runtime-Function-Error-Type</c> header, and it is what a Step Functions <c>Catch</c> matches on.
/// </summary>
public sealed record LambdaError(
    [property: JsonPropertyName("errorMessage")] string ErrorMessage,
    [property: JsonPropertyName("errorType")] string ErrorType,
    [property: JsonPropertyName("stackTrace")] IReadOnlyList<string> StackTrace)
{
    /// <summary>
    /// The error for an exception: its type's simple name (what the ASL names, e.g. <c>ConflictException</c>), its
    /// message (handlers and clients keep secrets out of messages) and its stack frames.
    /// </summary>
    public static LambdaError FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var frames = exception.StackTrace?
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        return new LambdaError(exception.Message, exception.GetType().Name, frames);
    }
}
