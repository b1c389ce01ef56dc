namespace PcsAutomation.Functions.Hosting;

/// <summary>
/// The Region the function runs in, for the handlers that check an event's Region against their own: <c>AWS_REGION</c>,
/// which Lambda sets for every function (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html, reserved
/// variables), else <c>AWS_DEFAULT_REGION</c>. Read at init: without it the function stops with one clear line.
/// </summary>
internal static class FunctionRegion
{
    public static string Require(FunctionServices services, string function)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetVariable("AWS_REGION") is { Length: > 0 } region ? region
            : services.GetVariable("AWS_DEFAULT_REGION") is { Length: > 0 } fallback ? fallback
            : throw new InvalidOperationException($"AWS_REGION is not set: {function} compares each event's Region with its own.");
    }
}
