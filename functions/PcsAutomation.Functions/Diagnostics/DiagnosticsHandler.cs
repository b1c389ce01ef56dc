using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PcsAutomation.Functions.Hosting;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Functions.Diagnostics;

/// <summary>
/// <c>Diagnostics</c>: reports what the deployed bootstrap is and how it is configured, so an operator can check a
/// deployment (version, handler, region, endpoints) without reading its environment, which may hold secrets.
/// </summary>
public sealed class DiagnosticsHandler(FunctionServices services, AwsConfigurationSummary aws)
{
    public static LambdaHandler Create(FunctionServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var handler = new DiagnosticsHandler(services, AwsConfigurationSummary.FromEnvironment(services.GetVariable));
        return HandlerWrapper.Create(handler.HandleAsync, FunctionsJsonContext.Default.DiagnosticsRequest, FunctionsJsonContext.Default.DiagnosticsReport);
    }

    public Task<DiagnosticsReport> HandleAsync(DiagnosticsRequest input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Logger.LogInformation($"Diagnostics for {services.HandlerName} in {aws.Region}");
        var version = typeof(DiagnosticsHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        return Task.FromResult(new DiagnosticsReport(
            version,
            services.HandlerName,
            RuntimeInformation.FrameworkDescription,
            NativeAot: !RuntimeFeature.IsDynamicCodeSupported,
            aws.Region,
            aws.Endpoints,
            services.Function.FunctionName,
            services.Function.FunctionVersion,
            services.Function.MemoryLimitInMB,
            services.LogLevel.ToLambdaName(),
            context.AwsRequestId,
            (long)context.RemainingTime.TotalMilliseconds));
    }
}
