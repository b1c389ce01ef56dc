using System.Text.RegularExpressions;

namespace PcsAutomation.LocalAws.Ec2;

/// <summary>
/// One <c>Filter.N</c> of an EC2 Describe call: the values are OR-ed, <c>*</c> and <c>?</c> are wildcards
/// (EC2 filter syntax), matching is case-sensitive.
/// </summary>
public sealed record Ec2Filter(string Name, IReadOnlyList<string> Values)
{
    public bool Matches(string? candidate) =>
        candidate is not null && Values.Any(v => Wildcard(v).IsMatch(candidate));

    public bool MatchesAny(IEnumerable<string?> candidates) => candidates.Any(Matches);

    private static Regex Wildcard(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}

/// <summary>
/// Applies filters to resources: each filter name maps to the resource's values for it; <c>tag:&lt;key&gt;</c>,
/// <c>tag-key</c> and <c>tag-value</c> read the tags. An unknown filter name is refused, as EC2 does.
/// </summary>
public sealed class FilterSet<T>(IReadOnlyDictionary<string, Func<T, IEnumerable<string?>>> fields, Func<T, IReadOnlyDictionary<string, string>> tags)
{
    public IEnumerable<T> Apply(IEnumerable<T> items, IReadOnlyList<Ec2Filter> filters)
    {
        foreach (var filter in filters)
        {
            if (!fields.ContainsKey(filter.Name) && !filter.Name.StartsWith("tag:", StringComparison.Ordinal) && filter.Name is not ("tag-key" or "tag-value"))
                throw Ec2Errors.InvalidParameterValue($"The filter '{Ec2Errors.Clip(filter.Name)}' is invalid");
        }
        return items.Where(item => filters.All(f => Values(item, f.Name).Any(f.Matches)));
    }

    private IEnumerable<string?> Values(T item, string name) =>
        name switch
        {
            "tag-key" => tags(item).Keys,
            "tag-value" => tags(item).Values,
            _ when name.StartsWith("tag:", StringComparison.Ordinal) => tags(item).TryGetValue(name[4..], out var v) ? [v] : [],
            _ => fields[name](item),
        };
}
