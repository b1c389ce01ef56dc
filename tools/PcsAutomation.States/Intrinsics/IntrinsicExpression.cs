using System.Text;
using System.Text.Json.Nodes;
using PcsAutomation.States.Json;

namespace PcsAutomation.States.Intrinsics;

/// <summary>An argument of an intrinsic function call: a literal, a path, or a nested call.</summary>
internal abstract record IntrinsicArgument;

/// <summary>A quoted string kept raw (escapes intact) so States.Format can tell <c>\{</c> from <c>{</c>.</summary>
internal sealed record StringArgument(string Raw) : IntrinsicArgument
{
    public string Value => Unescape(Raw);

    public static string Unescape(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\\' && i + 1 < raw.Length)
                i++;
            builder.Append(raw[i]);
        }

        return builder.ToString();
    }
}

internal sealed record LiteralArgument(JsonNode? Value) : IntrinsicArgument;

internal sealed record PathArgument(JsonPath Path) : IntrinsicArgument;

internal sealed record IntrinsicCall(string Name, IReadOnlyList<IntrinsicArgument> Arguments) : IntrinsicArgument
{
    public static IntrinsicCall Parse(string text) => IntrinsicParser.Parse(text);

    public static bool LooksLikeCall(string text) => text.StartsWith("States.", StringComparison.Ordinal);
}
