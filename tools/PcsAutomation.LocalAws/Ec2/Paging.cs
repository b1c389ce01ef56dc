using System.Globalization;
using System.Text;

namespace PcsAutomation.LocalAws.Ec2;

/// <summary>MaxResults/NextToken paging over an ordered list; the token is an opaque offset.</summary>
internal static class Paging
{
    public static (IReadOnlyList<T> Page, string? NextToken) Page<T>(IReadOnlyList<T> items, int? maxResults, string? nextToken)
    {
        var offset = 0;
        if (nextToken is not null)
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(nextToken));
            }
            catch (FormatException)
            {
                throw Ec2Errors.Error("InvalidNextToken", "The token provided is invalid.");
            }
            if (!decoded.StartsWith("offset:", StringComparison.Ordinal) ||
                !int.TryParse(decoded[7..], NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset > items.Count)
                throw Ec2Errors.Error("InvalidNextToken", "The token provided is invalid.");
        }
        if (maxResults is not { } max) return (items.Skip(offset).ToList(), null);
        var page = items.Skip(offset).Take(max).ToList();
        var next = offset + page.Count < items.Count
            ? Convert.ToBase64String(Encoding.UTF8.GetBytes("offset:" + (offset + page.Count).ToString(CultureInfo.InvariantCulture)))
            : null;
        return (page, next);
    }
}
