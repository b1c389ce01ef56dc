namespace PcsAutomation.Domain.NodeGroupUpdate;

/// <summary>A roll-out input field is missing or malformed: <see cref="Field"/> names it, the message starts with it.</summary>
public sealed class NodeGroupUpdateInputException : FormatException
{
    public NodeGroupUpdateInputException(string field, string message)
        : base($"{field}: {message}") => Field = field;

    public NodeGroupUpdateInputException() => Field = "";

    public NodeGroupUpdateInputException(string message) : base(message) => Field = "";

    public NodeGroupUpdateInputException(string message, Exception innerException) : base(message, innerException) => Field = "";

    public string Field { get; }
}
