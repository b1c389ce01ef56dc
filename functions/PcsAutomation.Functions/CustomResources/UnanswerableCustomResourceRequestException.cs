namespace PcsAutomation.Functions.CustomResources;

/// <summary>
/// A CloudFormation custom resource request without a usable <c>ResponseURL</c> (or not a request at all): nothing can
/// answer it, so the invocation fails with this; the handler logs it with whatever identifiers the request had.
/// </summary>
public sealed class UnanswerableCustomResourceRequestException : Exception
{
    public UnanswerableCustomResourceRequestException(string message) : base(message) { }

    public UnanswerableCustomResourceRequestException() { }

    public UnanswerableCustomResourceRequestException(string message, Exception innerException) : base(message, innerException) { }
}
