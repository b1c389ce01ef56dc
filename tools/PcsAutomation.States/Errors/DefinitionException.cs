namespace PcsAutomation.States.Errors;

/// <summary>One reason a definition is invalid: where (state path) and which field.</summary>
public sealed record DefinitionProblem(string Location, string Field, string Message)
{
    public override string ToString() => $"{Location} / {Field}: {Message}";
}

/// <summary>
/// The definition does not follow the States Language. Thrown on load, never while running, so a host can
/// answer <c>InvalidDefinition</c> and a person sees every problem at once.
/// </summary>
public sealed class DefinitionException : Exception
{
    public DefinitionException(IReadOnlyList<DefinitionProblem> problems)
        : base("Invalid state machine definition: " + string.Join("; ", problems))
    {
        Problems = problems;
    }

    public DefinitionException()
        : this([])
    {
    }

    public DefinitionException(string message)
        : this([new DefinitionProblem("(definition)", "(root)", message)])
    {
    }

    public DefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [new DefinitionProblem("(definition)", "(root)", message)];
    }

    public IReadOnlyList<DefinitionProblem> Problems { get; }
}
