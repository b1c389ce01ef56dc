namespace PcsAutomation.States.Tests.Support;

/// <summary>
/// A definition, an input, and what the States Language says must come out: an output, or an error name. Cases need
/// no Task resource, so the differential test can run them through moto's interpreter too.
/// </summary>
public sealed record ConformanceCase(string Name, string Definition, string Input, string? Output = null, string? Error = null)
{
    public override string ToString() => Name;
}
