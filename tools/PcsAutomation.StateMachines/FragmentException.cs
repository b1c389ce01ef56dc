namespace PcsAutomation.StateMachines;

/// <summary>
/// A source or fragment the generator cannot assemble. The message names the file, where in it (a JSON path such as
/// <c>States.NotifyStarting</c>) and what is wrong, on one line, so the command can print it as it is.
/// </summary>
public sealed class FragmentException : Exception
{
    public FragmentException()
    {
    }

    public FragmentException(string message)
        : base(message)
    {
    }

    public FragmentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
