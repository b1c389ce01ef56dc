using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace PcsAutomation.States.Json;

/// <summary>Parses the JSONPath syntax Step Functions accepts; throws <see cref="FormatException"/> naming the problem.</summary>
internal sealed class JsonPathParser
{
    private readonly string text;
    private int position;

    private JsonPathParser(string text, int start)
    {
        this.text = text;
        position = start;
    }

    public static JsonPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var isContext = text.StartsWith("$$", StringComparison.Ordinal);
        if (!text.StartsWith('$'))
            throw new FormatException($"JSONPath '{text}' must start with '$'");
        var parser = new JsonPathParser(text, isContext ? 2 : 1);
        return new JsonPath(text, isContext, parser.ParseSegments(stopAt: null));
    }

    private List<JsonPathSegment> ParseSegments(char? stopAt)
    {
        var segments = new List<JsonPathSegment>();
        while (position < text.Length && (stopAt is null || !AtOperatorOrStop(stopAt.Value)))
            segments.Add(ParseSegment());
        return segments;
    }

    private bool AtOperatorOrStop(char stop) =>
        text[position] == stop || text[position] == ' ' || "=!<>".Contains(text[position], StringComparison.Ordinal);

    private JsonPathSegment ParseSegment()
    {
        var c = text[position];
        if (c == '[')
            return ParseBracket();
        if (c != '.')
            throw Error("expected '.' or '['");
        position++;
        if (position < text.Length && text[position] == '.')
        {
            position++;
            if (position < text.Length && text[position] == '[')
                return new DescentSegment(ParseBracket());
            return new DescentSegment(ParseDotName());
        }

        return ParseDotName();
    }

    private JsonPathSegment ParseDotName()
    {
        var start = position;
        while (position < text.Length && text[position] is not ('.' or '[' or ')' or ' ' or '=' or '!' or '<' or '>'))
            position++;
        var name = text[start..position];
        if (name.Length == 0)
            throw Error("empty member name");
        return name == "*" ? new WildcardSegment() : new MemberSegment(name);
    }

    private JsonPathSegment ParseBracket()
    {
        position++; // '['
        SkipSpaces();
        JsonPathSegment segment;
        if (Peek() == '*')
        {
            position++;
            segment = new WildcardSegment();
        }
        else if (Peek() == '?')
        {
            segment = ParseFilter();
        }
        else
        {
            var parts = new List<JsonPathSegment> { ParseBracketPart() };
            SkipSpaces();
            while (Peek() == ',')
            {
                position++;
                SkipSpaces();
                parts.Add(ParseBracketPart());
                SkipSpaces();
            }

            segment = parts.Count == 1 ? parts[0] : new UnionSegment(parts);
        }

        SkipSpaces();
        Expect(']');
        return segment;
    }

    private JsonPathSegment ParseBracketPart()
    {
        if (Peek() is '\'' or '"')
            return new MemberSegment(ParseQuoted());
        var first = ParseOptionalInt();
        if (Peek() != ':')
        {
            return first is { } index ? new IndexSegment(index) : throw Error("expected an index, a quoted name, '*' or a slice");
        }

        position++;
        var end = ParseOptionalInt();
        var step = 1;
        if (Peek() == ':')
        {
            position++;
            step = ParseOptionalInt() ?? 1;
        }

        return new SliceSegment(first, end, step);
    }

    private FilterSegment ParseFilter()
    {
        position++; // '?'
        Expect('(');
        SkipSpaces();
        Expect('@');
        var relative = new JsonPath("@", false, ParseSegments(stopAt: ')'));
        SkipSpaces();
        string? op = null;
        JsonNode? literal = null;
        if (Peek() != ')')
        {
            var start = position;
            while ("=!<>".Contains(Peek(), StringComparison.Ordinal))
                position++;
            op = text[start..position];
            if (op is not ("==" or "!=" or "<" or "<=" or ">" or ">="))
                throw Error($"unsupported filter operator '{op}'");
            SkipSpaces();
            literal = ParseLiteral();
            SkipSpaces();
        }

        Expect(')');
        return new FilterSegment(relative, op, literal);
    }

    private JsonNode? ParseLiteral()
    {
        if (Peek() is '\'' or '"')
            return JsonValue.Create(ParseQuoted());
        var start = position;
        while (position < text.Length && text[position] is not (')' or ' '))
            position++;
        var token = text[start..position];
        try
        {
            return JsonNode.Parse(token);
        }
        catch (System.Text.Json.JsonException)
        {
            throw Error($"bad filter literal '{token}'");
        }
    }

    private string ParseQuoted()
    {
        var quote = text[position++];
        var builder = new StringBuilder();
        while (position < text.Length && text[position] != quote)
        {
            if (text[position] == '\\' && position + 1 < text.Length)
                position++;
            builder.Append(text[position++]);
        }

        Expect(quote);
        return builder.ToString();
    }

    private int? ParseOptionalInt()
    {
        var start = position;
        if (Peek() == '-')
            position++;
        while (char.IsAsciiDigit(Peek()))
            position++;
        if (position == start)
            return null;
        return int.TryParse(text[start..position], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error("bad index");
    }

    private char Peek() => position < text.Length ? text[position] : '\0';

    private void SkipSpaces()
    {
        while (Peek() == ' ')
            position++;
    }

    private void Expect(char c)
    {
        if (Peek() != c)
            throw Error($"expected '{c}'");
        position++;
    }

    private FormatException Error(string problem) =>
        new($"invalid JSONPath '{text}' at {position}: {problem}");
}
