using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsCheck;
using PcsAutomation.Lambda.Serialization;

namespace PcsAutomation.Lambda.Tests.Serialization;

public class JsonEscaperTests
{
    // Strings rich in what escaping is about: printable ASCII, HTML and JSON specials, controls, separators, the BOM,
    // U+FFFD, any BMP character, and surrogates (paired or lone).
    private static readonly Gen<char> Chars = Gen.Frequency(
        (4, Gen.Char[' ', '~']),
        (2, Gen.OneOf('"', '\\', '<', '>', '&', '\'', '+', '`', '/', '\n', '\r', '\t', '\b', '\f', '\0', '\u001F', '\u007F',
            '\u0085', '\u00A0', '\u00E9', '\u2028', '\u2029', '\u3000', '\uFEFF', '\uFFFD', '\uE000', '\u0378')),
        (2, Gen.Char),
        (1, Gen.Char['\uD800', '\uDFFF']));

    private static readonly Gen<string> Strings = Chars.Array[0, 40].Select(chars => new string(chars));

    private static readonly Gen<string> ValidStrings = Strings.Where(IsValidUtf16);

    private static readonly JsonSerializerOptions DefaultOptions = new() { Encoder = JavaScriptEncoder.Default };
    private static readonly JsonSerializerOptions StrictOptions = new() { Encoder = JsonEscaper.Strict };
    private static readonly JsonSerializerOptions RelaxedOptions = new() { Encoder = JsonEscaper.Relaxed };

    [Fact]
    public void Strict_AnyString_WritesExactlyWhatTheDefaultEncoderWrites()
    {
        Strings.Sample(s =>
        {
            Assert.Equal(WriteObject(s, JavaScriptEncoder.Default), WriteObject(s, JsonEscaper.Strict));
            Assert.Equal(JsonSerializer.Serialize(s, DefaultOptions), JsonSerializer.Serialize(s, StrictOptions));
            Assert.Equal(JavaScriptEncoder.Default.Encode(s), JsonEscaper.Strict.Encode(s));
        }, iter: 20_000);
    }

    [Fact]
    public void Strict_AnyUtf8Bytes_WritesExactlyWhatTheDefaultEncoderWrites()
    {
        // Valid and invalid UTF-8 alike (invalid sequences become \uFFFD in both).
        Gen.Byte.Array[0, 40].Sample(bytes =>
            Assert.Equal(WriteUtf8(bytes, JavaScriptEncoder.Default), WriteUtf8(bytes, JsonEscaper.Strict)), iter: 20_000);
    }

    [Fact]
    public void Strict_AnyValidString_ParsesBackWithOnlyAsciiAndNoRawHtmlCharacters()
    {
        ValidStrings.Sample(s =>
        {
            var json = WriteObject(s, JsonEscaper.Strict);
            Assert.All(json, c => Assert.InRange(c, ' ', '~'));
            Assert.DoesNotContain(json, c => c is '<' or '>' or '&' or '\'' or '+' or '`');
            var parsed = JsonDocument.Parse(json).RootElement.EnumerateObject().Single();
            Assert.Equal(s, parsed.Name);
            Assert.Equal(s, parsed.Value.GetString());
        }, iter: 20_000);
    }

    [Fact]
    public void Relaxed_AnyString_WritesWhatTheRelaxedEncoderWritesButEscapesReplacementCharacters()
    {
        // The framework's relaxed encoder escapes the U+FFFD that invalid input becomes but writes a U+FFFD of the input as
        // is; a custom encoder cannot tell them apart, so it escapes both (the same text once parsed).
        Strings.Sample(s =>
        {
            var relaxed = WriteObject(s, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Replace("\uFFFD", "\\uFFFD", StringComparison.Ordinal);
            Assert.Equal(relaxed, WriteObject(s, JsonEscaper.Relaxed));
        }, iter: 20_000);
    }

    [Fact]
    public void Relaxed_AnyValidString_ParsesBackToTheSameString()
    {
        ValidStrings.Sample(s =>
        {
            var parsed = JsonDocument.Parse(WriteObject(s, JsonEscaper.Relaxed)).RootElement.EnumerateObject().Single();
            Assert.Equal(s, parsed.Name);
            Assert.Equal(s, parsed.Value.GetString());
        }, iter: 20_000);
    }

    [Theory]
    [InlineData("a\"b", "a\\u0022b")]
    [InlineData("<script>&'+`", "\\u003Cscript\\u003E\\u0026\\u0027\\u002B\\u0060")]
    [InlineData("\\ / \b\t\n\f\r\u0001\u007F", "\\\\ / \\b\\t\\n\\f\\r\\u0001\\u007F")]
    [InlineData("caf\u00E9 \u2028 \uD83D\uDE00", "caf\\u00E9 \\u2028 \\uD83D\\uDE00")]
    public void Strict_Examples_EscapeAsTheDefaultEncoder(string value, string expected) =>
        Assert.Equal($"\"{expected}\"", JsonSerializer.Serialize(value, StrictOptions));

    [Fact]
    public void Strict_LoneSurrogate_BecomesEscapedReplacementCharacterAsWithTheDefaultEncoder()
    {
        // Built in code: a test case attribute cannot carry invalid UTF-16.
        var value = "lone " + (char)0xD800 + " surrogate";
        Assert.Equal("\"lone \\uFFFD surrogate\"", JsonSerializer.Serialize(value, StrictOptions));
        Assert.Equal(JsonSerializer.Serialize(value, DefaultOptions), JsonSerializer.Serialize(value, StrictOptions));
    }

    [Theory]
    [InlineData("a\"b <c> & 'd' + caf\u00E9", "a\\\"b <c> & 'd' + caf\u00E9")]
    [InlineData("\n\u0001\u2028\u00A0\uFEFF\uD83D\uDE00", "\\n\\u0001\\u2028\\u00A0\\uFEFF\\uD83D\\uDE00")]
    public void Relaxed_Examples_KeepTextReadable(string value, string expected) =>
        Assert.Equal($"\"{expected}\"", JsonSerializer.Serialize(value, RelaxedOptions));

    private static string WriteObject(string value, JavaScriptEncoder encoder)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder }))
        {
            json.WriteStartObject();
            json.WriteString(value, value);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string WriteUtf8(byte[] value, JavaScriptEncoder encoder)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder }))
        {
            json.WriteStartObject();
            json.WriteString(value, value);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static bool IsValidUtf16(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                i++;
            else if (char.IsSurrogate(s[i]))
                return false;
        }
        return true;
    }
}
