namespace PcsAutomation.Lambda.Annotations;

/// <summary>
/// One function as its <see cref="LambdaFunctionAttribute"/> and the assembly's <see cref="LambdaGlobalPropertiesAttribute"/>
/// declare it, globals applied: generated C# data (<c>LambdaFunctions.All</c>), compared with template.yaml by a test.
/// </summary>
/// <param name="ResourceName">The template's logical id.</param>
/// <param name="Handler">The <c>_HANDLER</c> name (the template's <c>Handler</c>).</param>
/// <param name="HandlerType">The handler class, fully qualified (for messages: where to change the attribute).</param>
/// <param name="MemorySize">Memory in MB; 0 when neither the function nor the globals set it (Lambda's default).</param>
/// <param name="Timeout">Timeout in seconds; 0 when neither sets it.</param>
/// <param name="Environment">Environment variable names, the globals' then the function's, each once.</param>
/// <param name="Policies">The <c>Policies</c> entries as the attribute writes them (<c>@Name</c> or an inline statement's Sid).</param>
public sealed record LambdaFunctionDescription(
    string ResourceName,
    string Handler,
    string HandlerType,
    uint MemorySize,
    uint Timeout,
    IReadOnlyList<string> Environment,
    IReadOnlyList<string> Policies);
