namespace PcsAutomation.LocalAws.Lambda;

/// <summary>
/// A function declared in a SAM template, as the local AWS emulator runs it: what
/// <c>LocalAwsOptions.FunctionFactory</c> receives to build an in-process handler. The emulator knows nothing of the
/// code behind it: whoever starts the emulator with a factory (the product's host, a test) brings the handler.
/// </summary>
/// <param name="Name">The function name in the emulator: its <c>FunctionName</c> property, else its logical id.</param>
/// <param name="LogicalId">The template's logical id.</param>
/// <param name="Arn"><c>arn:aws:lambda:&lt;region&gt;:&lt;account&gt;:function:&lt;Name&gt;</c>.</param>
/// <param name="Handler">The <c>Handler</c> property (own, else <c>Globals.Function.Handler</c>).</param>
public sealed record TemplateFunction(string Name, string LogicalId, string Arn, string Handler)
{
    /// <summary><c>Timeout</c> (own, else Globals); SAM's default 3 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary><c>MemorySize</c> (own, else Globals); SAM's default 128 MB.</summary>
    public int MemoryMb { get; init; } = 128;

    /// <summary><c>LoggingConfig.ApplicationLogLevel</c> (own, else Globals), passed as <c>AWS_LAMBDA_LOG_LEVEL</c>; default INFO.</summary>
    public string LogLevel { get; init; } = "INFO";

    /// <summary>The template's <c>Environment.Variables</c>: Globals merged with the function's own, intrinsics resolved.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Everything the function's process would find in its environment in the emulator: <see cref="Environment"/>,
    /// the emulator's endpoint, Region and test keys, and Lambda's reserved variables (<c>_HANDLER</c>,
    /// <c>AWS_LAMBDA_FUNCTION_NAME</c>, ...), as a bootstrap started by the emulator gets them.
    /// </summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>The clock function code must use (the emulator's virtual clock, as seen by functions). Required.</summary>
    public required TimeProvider Clock { get; init; }
}
