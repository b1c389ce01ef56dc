using PcsAutomation.Lambda.Bootstrap;
using PcsAutomation.Lambda.Client;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Metrics;

namespace PcsAutomation.Functions.Hosting;

/// <summary>
/// The bootstrap's life: initialize once (handler, log level, AWS configuration), report a failure through
/// <c>/runtime/init/error</c> so the caller sees one clear message instead of a timeout, then serve invocations.
/// </summary>
public static class FunctionHost
{
    /// <summary>The variable Lambda sets from the function's <c>Handler</c>.</summary>
    public const string HandlerVariable = "_HANDLER";

    /// <summary>Runs until the Runtime API goes away; returns the process exit code (1 after an init error).</summary>
    public static async Task<int> RunAsync(IRuntimeApiClient runtimeApi, FunctionHostOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runtimeApi);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var trace = InitTrace.Start(options.GetVariable, options.TraceOutput, options.Time);
        LambdaBootstrap bootstrap;
        try
        {
            bootstrap = Initialize(runtimeApi, options, trace);
        }
#pragma warning disable CA1031 // every init failure must reach Lambda as an init error, whatever its type
        catch (Exception e)
#pragma warning restore CA1031
        {
            new JsonLambdaLogger(options.Output, options.Time, LogLevel.Information).LogCritical("Initialization failed", e);
            await runtimeApi.ReportInitializationErrorAsync(LambdaError.FromException(e), cancellationToken).ConfigureAwait(false);
            return 1;
        }
        await bootstrap.RunAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }

    private static LambdaBootstrap Initialize(IRuntimeApiClient runtimeApi, FunctionHostOptions options, InitTrace trace)
    {
        var handlerName = options.GetVariable(HandlerVariable);
        // The cheapest, most common deployment mistake first, so its message is not hidden behind an AWS one.
        HandlerRegistry.EnsureKnown(handlerName);
        var level = LogLevels.Parse(options.GetVariable(LogLevels.LogLevelVariable));
        var function = FunctionEnvironment.FromEnvironment(options.GetVariable);
        trace.Phase("settings");
        var aws = options.CreateAwsClients();
        trace.Phase("aws-configuration");
        var services = new FunctionServices(
            handlerName!, aws, options.Time, function, level, new EmbeddedMetrics(options.Output, options.Time), options.GetVariable);
        var handler = HandlerRegistry.Create(handlerName, services);
        trace.Phase("handler");
        var logger = new JsonLambdaLogger(options.Output, options.Time, level);
        var bootstrap = new LambdaBootstrap(runtimeApi, handler, new LambdaBootstrapOptions { Time = options.Time, Function = function, Logger = logger });
        trace.Phase("ready");
        return bootstrap;
    }
}
