using System.Text.RegularExpressions;

namespace PcsAutomation.LocalAws.SecretsManager;

/// <summary>
/// One ListSecrets filter, with the documented semantics (API_Filter): prefix matches, case-sensitive except
/// <c>description</c> and <c>all</c>; a value starting with <c>!</c> negates; several values of one filter are
/// alternatives, several filters must all match. <c>tag-key</c> and <c>tag-value</c> look at any tag each.
/// </summary>
public sealed partial record SecretFilter(string Key, IReadOnlyList<string> Values)
{
    public static readonly IReadOnlyList<string> Keys = ["description", "name", "tag-key", "tag-value", "primary-region", "owning-service", "all"];

    public void Validate()
    {
        if (!Keys.Contains(Key))
            throw SecretsErrors.InvalidParameter($"Invalid filter key {Key}. Valid keys: {string.Join(", ", Keys)}.");
        if (Values.Count is 0 or > 10)
            throw SecretsErrors.InvalidParameter("A filter needs between 1 and 10 values.");
        if (Values.Any(v => v.Length > 512 || !ValuePattern().IsMatch(v)))
            throw SecretsErrors.InvalidParameter("Invalid filter value: it must match ^\\!?[a-zA-Z0-9 :_@\\/\\+\\=\\.\\-\\!]*$.");
    }

    public bool Matches(Secret secret, string region)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var positives = Values.Where(v => !v.StartsWith('!')).ToList();
        var negatives = Values.Where(v => v.StartsWith('!')).Select(v => v[1..]).ToList();
        var candidates = Candidates(secret, region).ToList();
        var comparison = Key is "description" or "all" ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        bool Hit(string value) => Key == "all"
            ? Words(value).All(word => candidates.SelectMany(Words).Any(c => c.StartsWith(word, comparison)))
            : candidates.Any(c => c.StartsWith(value, comparison));
        if (negatives.Any(Hit)) return false;
        return positives.Count == 0 || positives.Any(Hit);
    }

    private IEnumerable<string> Candidates(Secret s, string region) => Key switch
    {
        "description" => s.Description is null ? [] : [s.Description],
        "name" => [s.Name],
        "tag-key" => s.Tags.Select(t => t.Key),
        "tag-value" => s.Tags.Select(t => t.Value),
        "primary-region" => [region],
        "owning-service" => s.OwningService is null ? [] : [s.OwningService],
        _ => new[] { s.Name, s.Description ?? "", s.OwningService ?? "" }.Concat(s.Tags.SelectMany(t => new[] { t.Key, t.Value })),
    };

    private static IEnumerable<string> Words(string text) =>
        text.Split([' ', '/', '_', '+', '=', '.', '@', '-', ':', '!'], StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"^\!?[a-zA-Z0-9 :_@\/\+\=\.\-\!]*$")]
    private static partial Regex ValuePattern();
}
