namespace PcsAutomation.States.Definition;

/// <summary>StringMatches: <c>*</c> matches any run of characters; <c>\*</c> is a literal star and <c>\\</c> a backslash.</summary>
internal static class StringPattern
{
    public static bool Matches(string value, string pattern) => Match(value, 0, Tokenize(pattern), 0);

    /// <summary>Pattern tokens: null is a wildcard, any other value a literal character.</summary>
    private static List<char?> Tokenize(string pattern)
    {
        var tokens = new List<char?>(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length)
                tokens.Add(pattern[++i]);
            else if (pattern[i] == '*')
                tokens.Add(null);
            else
                tokens.Add(pattern[i]);
        }

        return tokens;
    }

    private static bool Match(string value, int v, List<char?> tokens, int t)
    {
        while (t < tokens.Count)
        {
            if (tokens[t] is null)
            {
                // Collapse consecutive stars, then try every split point.
                while (t < tokens.Count && tokens[t] is null)
                    t++;
                if (t == tokens.Count)
                    return true;
                for (var start = v; start <= value.Length; start++)
                {
                    if (Match(value, start, tokens, t))
                        return true;
                }

                return false;
            }

            if (v >= value.Length || value[v] != tokens[t])
                return false;
            v++;
            t++;
        }

        return v == value.Length;
    }
}
