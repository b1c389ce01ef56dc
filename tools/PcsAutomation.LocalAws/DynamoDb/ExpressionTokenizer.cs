namespace PcsAutomation.LocalAws.DynamoDb;

/// <summary>A token of a condition, update or projection expression.</summary>
internal sealed record Token(TokenKind Kind, string Text, int Position);

internal enum TokenKind
{
    Identifier,
    NamePlaceholder,
    ValuePlaceholder,
    Number,
    Symbol,
    End,
}

/// <summary>Splits an expression into tokens; anything it cannot read is a syntax error with DynamoDB's wording.</summary>
internal static class ExpressionTokenizer
{
    private static readonly string[] Symbols = ["<>", "<=", ">=", "=", "<", ">", "(", ")", "[", "]", ",", ".", "+", "-"];

    public static List<Token> Tokenize(string expression, string label)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            var start = i;
            if (c is '#' or ':')
            {
                i++;
                while (i < expression.Length && IsWordChar(expression[i]))
                    i++;
                if (i == start + 1)
                    throw SyntaxError(label, expression[start..(start + 1)], expression, start);
                tokens.Add(new Token(c == '#' ? TokenKind.NamePlaceholder : TokenKind.ValuePlaceholder, expression[start..i], start));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < expression.Length && IsWordChar(expression[i]))
                    i++;
                tokens.Add(new Token(TokenKind.Identifier, expression[start..i], start));
            }
            else if (char.IsAsciiDigit(c))
            {
                while (i < expression.Length && char.IsAsciiDigit(expression[i]))
                    i++;
                tokens.Add(new Token(TokenKind.Number, expression[start..i], start));
            }
            else if (Symbols.FirstOrDefault(s => string.CompareOrdinal(expression, i, s, 0, s.Length) == 0) is { } symbol)
            {
                i += symbol.Length;
                tokens.Add(new Token(TokenKind.Symbol, symbol, start));
            }
            else
            {
                throw new AwsServiceException("ValidationException", $"Invalid {label}: Invalid character encountered; character: \"{c}\"");
            }
        }
        tokens.Add(new Token(TokenKind.End, "<EOF>", expression.Length));
        return tokens;
    }

    public static AwsServiceException SyntaxError(string label, string token, string expression, int position)
    {
        var near = expression.Substring(Math.Max(0, position - 10), Math.Min(expression.Length, position + token.Length + 10) - Math.Max(0, position - 10));
        return new AwsServiceException("ValidationException", $"Invalid {label}: Syntax error; token: \"{token}\", near: \"{near.Trim()}\"");
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
