using System.Buffers;
using System.Text;
using System.Text.Json;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Lambda.Metrics;

/// <summary>
/// Writes CloudWatch Embedded Metric Format records to the log stream: CloudWatch Logs turns each into metrics
/// without any API call from the function (no PutMetricData permission, no latency).
/// Shape: <c>{"_aws":{"Timestamp":ms,"CloudWatchMetrics":[{"Namespace","Dimensions":[[...]],"Metrics":[{"Name","Unit"}]}]}, dimension values..., metric values...}</c>.
/// </summary>
public sealed class EmbeddedMetrics
{
    // EMF limits: at most 100 metrics and 30 dimensions per record.
    private const int MaxMetrics = 100;
    private const int MaxDimensions = 30;

    // The default encoder's bytes without its start-up cost (JsonEscaper).
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JsonEscaper.Strict };
    private readonly TextWriter output;
    private readonly TimeProvider time;
    private readonly Lock writeLock = new();

    /// <param name="output">The log stream: stdout in Lambda.</param>
    /// <param name="time">The clock for <c>_aws.Timestamp</c>.</param>
    public EmbeddedMetrics(TextWriter output, TimeProvider time)
    {
        this.output = output ?? throw new ArgumentNullException(nameof(output));
        this.time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>Writes one record: every metric under one dimension set (e.g. <c>{FunctionName, ClusterId}</c>).</summary>
    public void Emit(string metricNamespace, IReadOnlyDictionary<string, string> dimensions, IReadOnlyList<MetricDatum> metrics)
    {
        ArgumentException.ThrowIfNullOrEmpty(metricNamespace);
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(metrics);
        if (metrics.Count is 0 or > MaxMetrics)
            throw new ArgumentException($"An EMF record holds 1 to {MaxMetrics} metrics, not {metrics.Count}.", nameof(metrics));
        if (dimensions.Count > MaxDimensions)
            throw new ArgumentException($"An EMF record holds at most {MaxDimensions} dimensions, not {dimensions.Count}.", nameof(dimensions));
        var clash = metrics.Select(m => m.Name).FirstOrDefault(dimensions.ContainsKey);
        if (clash is not null)
            throw new ArgumentException($"'{clash}' is both a dimension and a metric; their values share one JSON object.", nameof(metrics));

        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            WriteMetadata(json, metricNamespace, dimensions, metrics);
            foreach (var (name, value) in dimensions)
                json.WriteString(name, value);
            foreach (var metric in metrics)
                json.WriteNumber(metric.Name, metric.Value);
            json.WriteEndObject();
        }
        var line = Encoding.UTF8.GetString(buffer.WrittenSpan);
        lock (writeLock)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    private void WriteMetadata(Utf8JsonWriter json, string metricNamespace, IReadOnlyDictionary<string, string> dimensions, IReadOnlyList<MetricDatum> metrics)
    {
        json.WriteStartObject("_aws");
        json.WriteNumber("Timestamp", time.GetUtcNow().ToUnixTimeMilliseconds());
        json.WriteStartArray("CloudWatchMetrics");
        json.WriteStartObject();
        json.WriteString("Namespace", metricNamespace);
        json.WriteStartArray("Dimensions");
        json.WriteStartArray();
        foreach (var name in dimensions.Keys)
            json.WriteStringValue(name);
        json.WriteEndArray();
        json.WriteEndArray();
        json.WriteStartArray("Metrics");
        foreach (var metric in metrics)
        {
            json.WriteStartObject();
            json.WriteString("Name", metric.Name);
            json.WriteString("Unit", metric.Unit.ToString());
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
