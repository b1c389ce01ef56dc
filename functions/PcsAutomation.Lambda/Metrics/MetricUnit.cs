namespace PcsAutomation.Lambda.Metrics;

/// <summary>The CloudWatch units our metrics use (EMF writes them by name).</summary>
public enum MetricUnit
{
    None,
    Count,
    Seconds,
    Milliseconds,
    Bytes,
    Percent,
}

/// <summary>One value of an Embedded Metric Format record.</summary>
/// <param name="Name">The metric name, e.g. <c>NodeGroupsScaled</c>.</param>
/// <param name="Value">Its value for this record.</param>
/// <param name="Unit">Its CloudWatch unit.</param>
public sealed record MetricDatum(string Name, double Value, MetricUnit Unit);
