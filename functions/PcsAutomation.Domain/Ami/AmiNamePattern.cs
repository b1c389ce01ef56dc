namespace PcsAutomation.Domain.Ami;

/// <summary>EC2 filter wildcards: <c>*</c> any run of characters, <c>?</c> exactly one; everything else literal, case-sensitive.</summary>
public static class AmiNamePattern
{
    public static bool Matches(string pattern, string? text)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (text is null)
            return false;
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
            p++;
        return p == pattern.Length;
    }
}
