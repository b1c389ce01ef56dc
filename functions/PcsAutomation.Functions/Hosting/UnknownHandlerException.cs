namespace PcsAutomation.Functions.Hosting;

/// <summary>The function's <c>Handler</c> names no handler of this bootstrap: a template or deployment mistake.</summary>
public sealed class UnknownHandlerException : Exception
{
    public UnknownHandlerException(string message)
        : base(message)
    {
    }

    public UnknownHandlerException()
    {
    }

    public UnknownHandlerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
