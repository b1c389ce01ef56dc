using PcsAutomation.Lambda.Client;
using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Lambda.Bootstrap;

/// <summary>
/// The Runtime API loop: fetch the next event, run the handler, post its response or its error, repeat. One
/// invocation at a time, as Lambda sends one event per execution environment.
/// </summary>
public sealed class LambdaBootstrap
{
    /// <summary>The X-Ray trace header variable the AWS SDKs read; Lambda expects the runtime to set it per invocation.</summary>
    public const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    private readonly IRuntimeApiClient runtimeApi;
    private readonly LambdaHandler handler;
    private readonly LambdaBootstrapOptions options;

    public LambdaBootstrap(IRuntimeApiClient runtimeApi, LambdaHandler handler, LambdaBootstrapOptions options)
    {
        ArgumentNullException.ThrowIfNull(runtimeApi);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.runtimeApi = runtimeApi;
        this.handler = handler;
        this.options = options;
    }

    /// <summary>Serves invocations until <paramref name="cancellationToken"/> fires or the Runtime API fails.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        while (!cancellationToken.IsCancellationRequested)
            await InvokeOnceAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Serves exactly one invocation. A handler failure becomes the invocation's error; only a Runtime API failure
    /// escapes, because then the process cannot do anything useful and Lambda will restart it.
    /// </summary>
    public async Task InvokeOnceAsync(CancellationToken cancellationToken = default)
    {
        var invocation = await runtimeApi.GetNextInvocationAsync(cancellationToken).ConfigureAwait(false);
        // The AWS SDKs read the trace header from the environment; an invocation without one must not inherit the last.
        Environment.SetEnvironmentVariable(TraceIdVariable, invocation.TraceId);
        var logger = options.Logger;
        logger.RequestId = invocation.AwsRequestId;
        try
        {
            using var context = new LambdaContext(invocation, options.Function, options.Time, options.CancellationSafetyMargin, logger);
            await ServeAsync(invocation, context, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            logger.RequestId = null;
        }
    }

    private async Task ServeAsync(InvocationRequest invocation, LambdaContext context, CancellationToken cancellationToken)
    {
        ReadOnlyMemory<byte> response;
        try
        {
            response = await handler(invocation.Payload, context).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // any handler failure is the invocation's outcome, reported to Lambda, not a crash
        catch (Exception e)
#pragma warning restore CA1031
        {
            var error = LambdaError.FromException(e);
            options.Logger.LogError($"Invocation failed with {error.ErrorType}", e);
            await runtimeApi.ReportInvocationErrorAsync(invocation.AwsRequestId, error, cancellationToken).ConfigureAwait(false);
            return;
        }
        await runtimeApi.SendResponseAsync(invocation.AwsRequestId, response, cancellationToken).ConfigureAwait(false);
    }
}
