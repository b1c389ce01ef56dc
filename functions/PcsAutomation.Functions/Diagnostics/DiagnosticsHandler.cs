using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Lambda.Annotations;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.Diagnostics;

/// <summary>
/// <c>Diagnostics</c>: reports what the deployed bootstrap is and how it is configured, so an operator can check a
/// deployment (version, handler, region, endpoints) without reading its environment, which may hold secrets.
/// </summary>
/// <param name="handlerName">The <c>_HANDLER</c> in use.</param>
/// <param name="function">Lambda's reserved settings.</param>
/// <param name="logLevel">The minimum log level in effect.</param>
/// <param name="aws">Region and endpoints.</param>
[LambdaFunction]
public sealed class DiagnosticsHandler(string handlerName, FunctionEnvironment function, LogLevel logLevel, AwsConfigurationSummary aws)
{
    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var handler = new DiagnosticsHandler(
            services.HandlerName, services.Function, services.LogLevel, AwsConfigurationSummary.From(services.Aws));
        return HandlerWrapper.Create(handler.HandleAsync, FunctionsJsonContext.Strict.DiagnosticsRequest, FunctionsJsonContext.Strict.DiagnosticsReport);
    }

    public Task<DiagnosticsReport> HandleAsync(DiagnosticsRequest input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Logger.LogInformation($"Diagnostics for {handlerName} in {aws.Region}");
        var version = typeof(DiagnosticsHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        return Task.FromResult(new DiagnosticsReport(
            version,
            handlerName,
            RuntimeInformation.FrameworkDescription,
            NativeAot: !RuntimeFeature.IsDynamicCodeSupported,
            aws.Region,
            aws.Endpoints,
            function.FunctionName,
            function.FunctionVersion,
            function.MemoryLimitInMB,
            logLevel.ToLambdaName(),
            context.AwsRequestId,
            (long)context.RemainingTime.TotalMilliseconds));
    }
}
