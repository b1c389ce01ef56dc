namespace PcsAutomation.Lambda.Serialization;

/// <summary>
/// The invocation's input is not the JSON the handler takes. Reported as the invocation's error (same name as
/// Amazon.Lambda.Serialization's), naming the expected type and where the JSON went wrong; the payload itself
/// is never echoed, as it may hold anything.
/// </summary>
public sealed class LambdaSerializationException : Exception
{
    public LambdaSerializationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public LambdaSerializationException()
    {
    }

    public LambdaSerializationException(string message)
        : base(message)
    {
    }
}
