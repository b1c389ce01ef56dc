using System.Globalization;
using System.Text.Json.Nodes;
using PcsAutomation.States.Json;

namespace PcsAutomation.States.Intrinsics;

/// <summary>
/// Parses <c>States.Fn(arg, ...)</c>: arguments are single-quoted strings (backslash escapes), numbers, true/false/null,
/// paths (<c>$.x</c>, <c>$$.Execution.Id</c>) and nested calls. Throws <see cref="FormatException"/>.
/// </summary>
internal sealed class IntrinsicParser
{
    private readonly string text;
    private int position;

    private IntrinsicParser(string text) => this.text = text;

    public static IntrinsicCall Parse(string text)
    {
        var parser = new IntrinsicParser(text);
        var call = parser.ParseCall();
        parser.SkipSpaces();
        if (parser.position != text.Length)
            throw parser.Error("unexpected text after the closing ')'");
        return call;
    }

    private IntrinsicCall ParseCall()
    {
        SkipSpaces();
        var start = position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '.'))
            position++;
        var name = text[start..position];
        if (!IntrinsicFunctions.IsKnown(name))
            throw Error($"unknown intrinsic function '{name}'");
        SkipSpaces();
        Expect('(');
        var arguments = new List<IntrinsicArgument>();
        SkipSpaces();
        if (Peek() != ')')
        {
            arguments.Add(ParseArgument());
            SkipSpaces();
            while (Peek() == ',')
            {
                position++;
                arguments.Add(ParseArgument());
                SkipSpaces();
            }
        }

        Expect(')');
        return new IntrinsicCall(name, arguments);
    }

    private IntrinsicArgument ParseArgument()
    {
        SkipSpaces();
        var c = Peek();
        if (c == '\'')
            return new StringArgument(ParseRawString());
        if (c == '$')
            return new PathArgument(ParsePath());
        if (text.AsSpan(position).StartsWith("States."))
            return ParseCall();
        var start = position;
        while (position < text.Length && text[position] is not (',' or ')' or ' '))
            position++;
        var token = text[start..position];
        if (token is "true" or "false")
            return new LiteralArgument(JsonValue.Create(token == "true"));
        if (token == "null")
            return new LiteralArgument(null);
        if (decimal.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            return new LiteralArgument(JsonNode.Parse(token));
        throw Error($"bad argument '{token}'");
    }

    private string ParseRawString()
    {
        position++; // opening quote
        var start = position;
        while (position < text.Length && text[position] != '\'')
            position += text[position] == '\\' ? 2 : 1;
        if (position >= text.Length)
            throw Error("unterminated string");
        var raw = text[start..position];
        position++;
        return raw;
    }

    /// <summary>A path runs to the next ',' or ')' outside brackets, parentheses and quotes.</summary>
    private JsonPath ParsePath()
    {
        var start = position;
        var depth = 0;
        char? quote = null;
        while (position < text.Length)
        {
            var c = text[position];
            if (quote is { } q)
            {
                if (c == q)
                    quote = null;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c is '[' or '(')
            {
                depth++;
            }
            else if (c is ']' or ')' && depth > 0)
            {
                depth--;
            }
            else if ((c is ',' or ')') && depth == 0)
            {
                break;
            }

            position++;
        }

        return JsonPath.Parse(text[start..position].TrimEnd());
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

    private FormatException Error(string problem) => new($"invalid intrinsic function '{text}' at {position}: {problem}");
}
