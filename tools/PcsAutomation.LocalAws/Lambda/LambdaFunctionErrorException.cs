namespace PcsAutomation.LocalAws.Lambda;

/// <summary>
/// Thrown by an in-process function to report a Lambda function error with an explicit <c>errorType</c> (the
/// emulator's Lambda host reports <see cref="ErrorType"/> instead of the exception's type name). Used when the error
/// comes from a runtime loop rather than from a handler's own exception.
/// </summary>
public sealed class LambdaFunctionErrorException : Exception
{
    public LambdaFunctionErrorException(string errorType, string message)
        : base(message)
    {
        ErrorType = errorType;
    }

    public LambdaFunctionErrorException()
    {
        ErrorType = "Unhandled";
    }

    public LambdaFunctionErrorException(string message)
        : base(message)
    {
        ErrorType = "Unhandled";
    }

    public LambdaFunctionErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorType = "Unhandled";
    }

    /// <summary>The <c>errorType</c> of the error document (what a Step Functions Catch matches).</summary>
    public string ErrorType { get; }
}
