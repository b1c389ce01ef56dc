using PcsAutomation.Lambda.Core;
using PcsAutomation.Lambda.Logging;

namespace PcsAutomation.ProductHost;

/// <summary>
/// An <see cref="ILambdaContext"/> to call a handler directly, without the loop (like Amazon.Lambda.TestUtilities'
/// <c>TestLambdaContext</c>). Remaining time is read from <see cref="Time"/>, so a test moves it with its fake clock.
/// </summary>
public sealed class TestLambdaContext : ILambdaContext
{
    /// <param name="time">The test's clock; <see cref="Deadline"/> defaults to its now + 30 seconds.</param>
    public TestLambdaContext(TimeProvider time)
    {
        Time = time ?? throw new ArgumentNullException(nameof(time));
        Deadline = time.GetUtcNow().AddSeconds(30);
    }

    public TimeProvider Time { get; }
    public string AwsRequestId { get; init; } = "00000000-0000-0000-0000-000000000001";
    public string FunctionName { get; init; } = "test";
    public string FunctionVersion { get; init; } = "$LATEST";
    public string InvokedFunctionArn { get; init; } = "arn:aws:lambda:us-east-1:123456789012:function:test";
    public int MemoryLimitInMB { get; init; } = 256;
    public string LogGroupName { get; init; } = "/aws/lambda/test";
    public string LogStreamName { get; init; } = "test-stream";
    public string? TraceId { get; init; }
    public DateTimeOffset Deadline { get; init; }
    public TimeSpan RemainingTime => Deadline - Time.GetUtcNow();
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Records every line; <see cref="TestLambdaLogger.Lines"/> lets a test assert on what was logged.</summary>
    public TestLambdaLogger TestLogger { get; } = new();

    public ILambdaLogger Logger => TestLogger;
}

/// <summary>An <see cref="ILambdaLogger"/> that keeps lines in memory, with the scopes open when each was written.</summary>
public sealed class TestLambdaLogger : ILambdaLogger
{
    private readonly List<TestLogLine> lines = [];
    private readonly AsyncLocal<IReadOnlyDictionary<string, string>?> scope = new();

    public IReadOnlyList<TestLogLine> Lines
    {
        get
        {
            lock (lines)
                return [.. lines];
        }
    }

    public bool IsEnabled(LogLevel level) => true;

    public void Log(LogLevel level, string message, Exception? exception = null)
    {
        lock (lines)
            lines.Add(new TestLogLine(level, message, exception, scope.Value ?? new Dictionary<string, string>()));
    }

    public IDisposable BeginScope(string name, string value)
    {
        var outer = scope.Value;
        scope.Value = new Dictionary<string, string>(outer ?? new Dictionary<string, string>()) { [name] = value };
        return new ScopeExit(() => scope.Value = outer);
    }

    private sealed class ScopeExit(Action exit) : IDisposable
    {
        public void Dispose() => exit();
    }
}

/// <summary>One recorded log line.</summary>
public sealed record TestLogLine(LogLevel Level, string Message, Exception? Exception, IReadOnlyDictionary<string, string> Scope);
