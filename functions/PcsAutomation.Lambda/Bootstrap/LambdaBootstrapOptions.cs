using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;

namespace PcsAutomation.Lambda.Bootstrap;

/// <summary>How <see cref="LambdaBootstrap"/> runs; checked once, when the bootstrap is built.</summary>
public sealed record LambdaBootstrapOptions
{
    /// <summary>The clock for deadlines and remaining time. Required: only <c>Program.cs</c> passes the system clock.</summary>
    public required TimeProvider Time { get; init; }

    /// <summary>The function's reserved settings (name, version, memory, log group). Required.</summary>
    public required FunctionEnvironment Function { get; init; }

    /// <summary>The structured logger; the bootstrap sets its request id per invocation. Required.</summary>
    public required JsonLambdaLogger Logger { get; init; }

    /// <summary>
    /// How long before the deadline <see cref="ILambdaContext.CancellationToken"/> fires, leaving time to report the
    /// error before Lambda kills the process. Default: 1 second. Must be zero or more.
    /// </summary>
    public TimeSpan CancellationSafetyMargin { get; init; } = TimeSpan.FromSeconds(1);

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Time, nameof(Time));
        ArgumentNullException.ThrowIfNull(Function, nameof(Function));
        ArgumentNullException.ThrowIfNull(Logger, nameof(Logger));
        if (CancellationSafetyMargin < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(CancellationSafetyMargin), CancellationSafetyMargin, "must be zero or more");
    }
}
