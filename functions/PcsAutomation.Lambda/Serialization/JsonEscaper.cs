using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace PcsAutomation.Lambda.Serialization;

/// <summary>
/// JSON string escaping that writes, byte for byte, what the framework's encoders write, without their start-up cost:
/// <see cref="JavaScriptEncoder.Default"/> and <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> share one
/// static constructor that builds the relaxed encoder's table of all 65,536 BMP characters, about 1 million instructions
/// or a tenth of a Native AOT cold start (docs/benchmarks.md), paid by the first string any writer escapes with no
/// encoder set. The runtime's and the handlers' JSON uses these two instead.
/// </summary>
public sealed class JsonEscaper : JavaScriptEncoder
{
    // What JavaScriptEncoder.Default leaves as it is: printable ASCII but " & ' + < > \ `.
    private const string StrictUnescaped =
        " !#$%()*,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~";

    private static readonly SearchValues<char> StrictChars = SearchValues.Create(StrictUnescaped);
    private static readonly SearchValues<byte> StrictBytes = SearchValues.Create(Encoding.ASCII.GetBytes(StrictUnescaped));

    private readonly bool relaxed;

    private JsonEscaper(bool relaxed) => this.relaxed = relaxed;

    /// <summary>
    /// <see cref="JavaScriptEncoder.Default"/>'s output: only printable ASCII but <c>" &amp; ' + &lt; &gt; \ `</c> passes; the rest
    /// is <c>\b \t \n \f \r \\</c> or <c>\uXXXX</c> (a character outside the BMP as its surrogate pair), invalid UTF-16
    /// or UTF-8 <c>\uFFFD</c>. For everything handlers and AWS calls send.
    /// </summary>
    public static JsonEscaper Strict { get; } = new(relaxed: false);

    /// <summary>
    /// <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>'s output: text stays readable (HTML characters and
    /// assigned non-ASCII characters pass); <c>"</c> is <c>\"</c>; control, format U+FEFF, separator (but space),
    /// private-use, unassigned and non-BMP characters are escaped. For log lines, which no browser renders.
    /// </summary>
    public static JsonEscaper Relaxed { get; } = new(relaxed: true);

    /// <summary>Six characters per UTF-16 unit (<c>\uXXXX</c>); a scalar outside the BMP writes twelve.</summary>
    public override int MaxOutputCharactersPerInputCharacter => 12;

    public override bool WillEncode(int unicodeScalar)
    {
        if (unicodeScalar is < 0 or > char.MaxValue)
            return true;
        var c = (char)unicodeScalar;
        if (!relaxed)
            return !StrictChars.Contains(c);
        // U+FFFD too: it is what invalid UTF-16 or UTF-8 becomes, which the framework's encoders always escape.
        if (c is '"' or '\\' or '\uFEFF' or '\uFFFD')
            return true;
        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
            UnicodeCategory.SpaceSeparator => c != ' ',
            _ => false,
        };
    }

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = new ReadOnlySpan<char>(text, textLength);
        if (!relaxed)
            return span.IndexOfAnyExcept(StrictChars);
        for (var i = 0; i < span.Length; i++)
        {
            if (WillEncode(span[i]))
                return i;
        }
        return -1;
    }

    // Strict: every byte of a multi-byte or invalid UTF-8 sequence is outside the set, so the first is where escaping
    // starts. Relaxed: the base class decodes scalars and asks WillEncode.
    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text) =>
        relaxed ? base.FindFirstCharacterToEncodeUtf8(utf8Text) : utf8Text.IndexOfAnyExcept(StrictBytes);

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var destination = new Span<char>(buffer, bufferLength);
        numberOfCharactersWritten = 0;
        if (!WillEncode(unicodeScalar))
            return TryWrite(destination, ref numberOfCharactersWritten, (char)unicodeScalar);
        return unicodeScalar switch
        {
            '\b' => TryWrite(destination, ref numberOfCharactersWritten, '\\', 'b'),
            '\t' => TryWrite(destination, ref numberOfCharactersWritten, '\\', 't'),
            '\n' => TryWrite(destination, ref numberOfCharactersWritten, '\\', 'n'),
            '\f' => TryWrite(destination, ref numberOfCharactersWritten, '\\', 'f'),
            '\r' => TryWrite(destination, ref numberOfCharactersWritten, '\\', 'r'),
            '\\' => TryWrite(destination, ref numberOfCharactersWritten, '\\', '\\'),
            '"' when relaxed => TryWrite(destination, ref numberOfCharactersWritten, '\\', '"'),
            _ => TryWriteHex(Rune.IsValid(unicodeScalar) ? new Rune(unicodeScalar) : Rune.ReplacementChar, destination, ref numberOfCharactersWritten),
        };
    }

    private static bool TryWriteHex(Rune rune, Span<char> destination, ref int written)
    {
        Span<char> units = stackalloc char[2];
        var count = rune.EncodeToUtf16(units);
        if (destination.Length < 6 * count)
            return false;
        foreach (var unit in units[..count])
        {
            destination[written++] = '\\';
            destination[written++] = 'u';
            ((int)unit).TryFormat(destination.Slice(written, 4), out _, "X4", CultureInfo.InvariantCulture);
            written += 4;
        }
        return true;
    }

    private static bool TryWrite(Span<char> destination, ref int written, char first, char? second = null)
    {
        if (destination.Length < (second is null ? 1 : 2))
            return false;
        destination[written++] = first;
        if (second is { } c)
            destination[written++] = c;
        return true;
    }
}
