using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PcsAutomation.Lambda.Client;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Lambda.Logging;

/// <summary>
/// Writes Lambda's JSON log format, one object per line: <c>timestamp</c>, <c>level</c>, <c>message</c>,
/// <c>requestId</c>, then the open scopes' properties. Lambda sends stdout to CloudWatch Logs as is, so with
/// <c>LoggingConfig.LogFormat: JSON</c> these lines are queryable by field.
/// </summary>
public sealed class JsonLambdaLogger : ILambdaLogger
{
    // Readable lines (HTML characters and non-ASCII text as they are), as JavaScriptEncoder.UnsafeRelaxedJsonEscaping
    // writes them, without that encoder's start-up cost (JsonEscaper).
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JsonEscaper.Relaxed };
    private readonly TextWriter output;
    private readonly TimeProvider time;
    private readonly LogLevel minimumLevel;
    private readonly AsyncLocal<Scope?> scopes = new();
    private readonly Lock writeLock = new();

    /// <param name="output">Where lines go: stdout in Lambda.</param>
    /// <param name="time">The clock for <c>timestamp</c>.</param>
    /// <param name="minimumLevel">Lines below this level are dropped (<see cref="LogLevels.Parse"/> of <c>AWS_LAMBDA_LOG_LEVEL</c>).</param>
    public JsonLambdaLogger(TextWriter output, TimeProvider time, LogLevel minimumLevel)
    {
        this.output = output ?? throw new ArgumentNullException(nameof(output));
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        this.minimumLevel = minimumLevel;
    }

    /// <summary>The invocation being served; the bootstrap sets it, so every line carries <c>requestId</c>.</summary>
    public string? RequestId { get; set; }

    public bool IsEnabled(LogLevel level) => level >= minimumLevel;

    public IDisposable BeginScope(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var scope = new Scope(name, value, scopes.Value, this);
        scopes.Value = scope;
        return scope;
    }

    public void Log(LogLevel level, string message, Exception? exception = null)
    {
        if (!IsEnabled(level))
            return;
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("level", level.ToLambdaName());
            json.WriteString("message", message);
            if (RequestId is not null)
                json.WriteString("requestId", RequestId);
            WriteScopes(json);
            if (exception is not null)
                WriteException(json, exception);
            json.WriteEndObject();
        }
        var line = Encoding.UTF8.GetString(buffer.WrittenSpan);
        lock (writeLock)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    private void WriteScopes(Utf8JsonWriter json)
    {
        // Innermost first; an outer scope with the same name is shadowed, as a JSON object has one value per key.
        var written = new HashSet<string>(StringComparer.Ordinal) { "timestamp", "level", "message", "requestId" };
        for (var scope = scopes.Value; scope is not null; scope = scope.Parent)
        {
            if (written.Add(scope.Name))
                json.WriteString(scope.Name, scope.Value);
        }
    }

    private static void WriteException(Utf8JsonWriter json, Exception exception)
    {
        var error = LambdaError.FromException(exception);
        json.WriteString("errorType", error.ErrorType);
        json.WriteString("errorMessage", error.ErrorMessage);
        json.WriteStartArray("stackTrace");
        foreach (var frame in error.StackTrace)
            json.WriteStringValue(frame);
        json.WriteEndArray();
    }

    private sealed class Scope(string name, string value, Scope? parent, JsonLambdaLogger owner) : IDisposable
    {
        public string Name => name;
        public string Value => value;
        public Scope? Parent => parent;

        public void Dispose() => owner.scopes.Value = parent;
    }
}
