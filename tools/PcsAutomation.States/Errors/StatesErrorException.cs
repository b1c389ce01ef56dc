namespace PcsAutomation.States.Errors;

/// <summary>A named States Language error raised while a state runs; Retry and Catch match on <see cref="Error"/>.</summary>
public sealed class StatesErrorException : Exception
{
    public StatesErrorException(string error, string cause)
        : base($"{error}: {cause}")
    {
        Error = error;
        Cause = cause;
    }

    public StatesErrorException()
        : this(StatesErrorNames.Runtime, "unknown")
    {
    }

    public StatesErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = StatesErrorNames.Runtime;
        Cause = message;
    }

    public string Error { get; }

    public string Cause { get; }

    public static StatesErrorException Runtime(string cause) => new(StatesErrorNames.Runtime, cause);
}
