namespace PcsAutomation.Functions.Diagnostics;

/// <summary>The input of <c>Diagnostics</c>: any JSON object; nothing in it is read.</summary>
public sealed record DiagnosticsRequest;

/// <summary>What the bootstrap runs and how it is configured; never a credential or secret value.</summary>
/// <param name="Version">The bootstrap's informational version.</param>
/// <param name="Handler">The <c>_HANDLER</c> in use.</param>
/// <param name="Runtime">The .NET runtime description.</param>
/// <param name="NativeAot">True in the AOT bootstrap, false when the same code runs JIT (<c>dotnet bootstrap.dll</c>).</param>
/// <param name="Region">The AWS region in use.</param>
/// <param name="Endpoints">Each AWS service's endpoint, after <c>AWS_ENDPOINT_URL*</c> overrides.</param>
/// <param name="FunctionName">Lambda's function name.</param>
/// <param name="FunctionVersion">Lambda's function version.</param>
/// <param name="MemoryLimitInMB">The configured memory.</param>
/// <param name="LogLevel">The minimum log level in effect (Lambda's name, e.g. INFO).</param>
/// <param name="RequestId">This invocation's request id.</param>
/// <param name="RemainingTimeMs">Milliseconds left before the deadline when the report was made.</param>
public sealed record DiagnosticsReport(
    string Version,
    string Handler,
    string Runtime,
    bool NativeAot,
    string? Region,
    IReadOnlyDictionary<string, string> Endpoints,
    string FunctionName,
    string FunctionVersion,
    int MemoryLimitInMB,
    string LogLevel,
    string RequestId,
    long RemainingTimeMs);
