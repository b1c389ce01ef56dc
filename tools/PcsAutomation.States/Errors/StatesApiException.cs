namespace PcsAutomation.States.Errors;

/// <summary>
/// A refused engine call, with the Step Functions API error code a host returns as is: ExecutionAlreadyExists,
/// ExecutionDoesNotExist, InvalidName, InvalidExecutionInput, TaskDoesNotExist, TaskTimedOut, InvalidToken.
/// </summary>
public sealed class StatesApiException : Exception
{
    public StatesApiException(string code, string message)
        : base(message) => Code = code;

    public StatesApiException()
        : this("InternalError", "unknown")
    {
    }

    public StatesApiException(string message, Exception innerException)
        : base(message, innerException) => Code = "InternalError";

    public string Code { get; }
}
