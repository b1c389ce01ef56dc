namespace PcsAutomation.Lambda.Annotations;

/// <summary>
/// Declares a handler class as a Lambda function of the template, where the handler lives: the source generator
/// (functions/PcsAutomation.Functions.Generators) builds the bootstrap's handler registry and the description of each
/// function from these attributes, and a test compares that description with template.yaml.
/// Named after Amazon.Lambda.Annotations' <c>LambdaFunction</c> (same property names and types where they fit), so that
/// moving to the official package later is a rename; where ours differs, see functions/PcsAutomation.Functions/README.md.
/// </summary>
/// <remarks>
/// Placed on the handler class (Amazon's goes on a method): the class must have
/// <c>public static LambdaHandler Create(FunctionServices services)</c>, which the registry calls.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class LambdaFunctionAttribute : Attribute
{
    /// <summary>
    /// Ours: the name Lambda passes in <c>_HANDLER</c> (the template's <c>Handler</c>). Default: the class name without
    /// its <c>Handler</c> suffix (<c>RestoreNodeGroupsHandler</c> → <c>RestoreNodeGroups</c>).
    /// </summary>
    public string? Handler { get; set; }

    /// <summary>The function's logical id in template.yaml. Default: the handler name followed by <c>Function</c>.</summary>
    public string? ResourceName { get; set; }

    /// <summary>Memory in MB; 0 (not set): <see cref="LambdaGlobalPropertiesAttribute.MemorySize"/>.</summary>
    public uint MemorySize { get; set; }

    /// <summary>Timeout in seconds; 0 (not set): <see cref="LambdaGlobalPropertiesAttribute.Timeout"/>.</summary>
    public uint Timeout { get; set; }

    /// <summary>
    /// The entries of the function's <c>Policies</c>, comma-separated as in Amazon's attribute: <c>@Name</c> for a
    /// <c>!Ref</c> to a policy the template defines (Amazon's <c>@</c> reference), a bare name for the <c>Sid</c> of one
    /// of the function's inline statements (ours: Amazon's bare names are AWS managed policies, which this stack does not use).
    /// </summary>
    public string? Policies { get; set; }

    /// <summary>
    /// Ours: the names of the environment variables this function adds to <see cref="LambdaGlobalPropertiesAttribute.Environment"/>
    /// (the template's <c>Environment.Variables</c>; their values are the template's, often a <c>!Ref</c>).
    /// </summary>
    public string[]? Environment { get; set; }
}
