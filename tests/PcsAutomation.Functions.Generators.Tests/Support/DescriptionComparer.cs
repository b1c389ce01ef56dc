using PcsAutomation.Lambda.Annotations;

namespace PcsAutomation.Functions.Generators.Tests.Support;

/// <summary>Descriptions compared by value, lists included (the record's own equality compares lists by reference).</summary>
internal sealed class DescriptionComparer : IEqualityComparer<LambdaFunctionDescription>
{
    public static DescriptionComparer Instance { get; } = new();

    public bool Equals(LambdaFunctionDescription? x, LambdaFunctionDescription? y) =>
        x is not null && y is not null
        && (x.ResourceName, x.Handler, x.HandlerType, x.MemorySize, x.Timeout) == (y.ResourceName, y.Handler, y.HandlerType, y.MemorySize, y.Timeout)
        && x.Environment.SequenceEqual(y.Environment)
        && x.Policies.SequenceEqual(y.Policies);

    public int GetHashCode(LambdaFunctionDescription obj) => obj.ResourceName.GetHashCode(StringComparison.Ordinal);
}
