using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PcsAutomation.States.Json;

namespace PcsAutomation.States.Intrinsics;

internal static partial class IntrinsicFunctions
{
    // AWS limits the data of the encoding and hashing intrinsics to 10,000 characters.
    private const int MaxEncodedLength = 10_000;

    // States.ArrayRange may produce at most 1,000 elements.
    private const int MaxRangeLength = 1_000;

    private static JsonValue Format(IntrinsicCall call, List<JsonNode?> args)
    {
        if (args.Count == 0)
            throw Arity(1, args);
        // A literal template keeps its escapes so "\{" is a brace, not a placeholder.
        var template = call.Arguments[0] is StringArgument literal ? literal.Raw : StringArg(args, 0);
        var builder = new StringBuilder();
        var next = 1;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '\\' && i + 1 < template.Length && call.Arguments[0] is StringArgument)
            {
                builder.Append(template[++i]);
            }
            else if (c == '{' && i + 1 < template.Length && template[i + 1] == '}')
            {
                if (next >= args.Count)
                    throw new IntrinsicArgumentException("more placeholders than arguments");
                var value = args[next++];
                builder.Append(JsonValues.TryGetString(value, out var s) ? s : JsonValues.ToJson(value));
                i++;
            }
            else
            {
                builder.Append(c);
            }
        }

        if (next != args.Count)
            throw new IntrinsicArgumentException("more arguments than placeholders");
        return JsonValue.Create(builder.ToString());
    }

    private static JsonNode? StringToJson(List<JsonNode?> args)
    {
        ExpectCount(args, 1);
        var text = StringArg(args, 0);
        try
        {
            return JsonValues.Parse(text);
        }
        catch (JsonException e)
        {
            throw new IntrinsicArgumentException($"not a JSON document: {e.Message}");
        }
    }

    private static JsonArray ArrayPartition(List<JsonNode?> args)
    {
        var array = ArrayArg(args, 0, 2);
        var size = IntegerArg(args, 1);
        if (size <= 0)
            throw new IntrinsicArgumentException("chunk size must be greater than 0");
        var result = new JsonArray();
        foreach (var chunk in array.Chunk((int)Math.Min(size, int.MaxValue)))
            result.Add(new JsonArray(chunk.Select(JsonValues.Clone).ToArray()));
        return result;
    }

    private static JsonValue ArrayContains(List<JsonNode?> args)
    {
        var array = ArrayArg(args, 0, 2);
        return JsonValue.Create(array.Any(item => JsonNode.DeepEquals(item, args[1])));
    }

    private static JsonArray ArrayRange(List<JsonNode?> args)
    {
        ExpectCount(args, 3);
        var (start, end, step) = (IntegerArg(args, 0), IntegerArg(args, 1), IntegerArg(args, 2));
        if (step == 0)
            throw new IntrinsicArgumentException("step must not be 0");
        var result = new JsonArray();
        for (var i = start; step > 0 ? i <= end : i >= end; i += step)
        {
            if (result.Count == MaxRangeLength)
                throw new IntrinsicArgumentException($"the range has more than {MaxRangeLength} elements");
            result.Add(JsonValues.Number(i));
        }

        return result;
    }

    private static JsonNode? ArrayGetItem(List<JsonNode?> args)
    {
        var array = ArrayArg(args, 0, 2);
        var index = IntegerArg(args, 1);
        if (index < 0 || index >= array.Count)
            throw new IntrinsicArgumentException($"index {index} is out of bounds for an array of {array.Count}");
        return JsonValues.Clone(array[(int)index]);
    }

    private static JsonArray ArrayUnique(List<JsonNode?> args)
    {
        var array = ArrayArg(args, 0, 1);
        var unique = new List<JsonNode?>();
        foreach (var item in array)
        {
            if (!unique.Any(u => JsonNode.DeepEquals(u, item)))
                unique.Add(item);
        }

        return new JsonArray(unique.Select(JsonValues.Clone).ToArray());
    }

    private static JsonValue Base64Encode(List<JsonNode?> args)
    {
        ExpectCount(args, 1);
        var text = LimitedString(args);
        return JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
    }

    private static JsonValue Base64Decode(List<JsonNode?> args)
    {
        ExpectCount(args, 1);
        var text = LimitedString(args);
        try
        {
            return JsonValue.Create(Encoding.UTF8.GetString(Convert.FromBase64String(text)));
        }
        catch (FormatException)
        {
            throw new IntrinsicArgumentException("not valid base64");
        }
    }

    // MD5 and SHA-1 are what States.Hash offers; it is a checksum for data, not a security control.
#pragma warning disable CA5350, CA5351
    private static JsonValue Hash(List<JsonNode?> args)
    {
        ExpectCount(args, 2);
        var data = Encoding.UTF8.GetBytes(LimitedString(args));
        byte[] digest = StringArg(args, 1) switch
        {
            "MD5" => MD5.HashData(data),
            "SHA-1" => SHA1.HashData(data),
            "SHA-256" => SHA256.HashData(data),
            "SHA-384" => SHA384.HashData(data),
            "SHA-512" => SHA512.HashData(data),
            var other => throw new IntrinsicArgumentException(
                $"unsupported algorithm '{other}' (MD5, SHA-1, SHA-256, SHA-384, SHA-512)"),
        };
        return JsonValue.Create(Convert.ToHexStringLower(digest));
    }
#pragma warning restore CA5350, CA5351

    private static string LimitedString(List<JsonNode?> args)
    {
        var text = StringArg(args, 0);
        if (text.Length > MaxEncodedLength)
            throw new IntrinsicArgumentException($"the input is longer than {MaxEncodedLength} characters");
        return text;
    }

    private static JsonObject JsonMerge(List<JsonNode?> args)
    {
        ExpectCount(args, 3);
        if (args[0] is not JsonObject left || args[1] is not JsonObject right)
            throw new IntrinsicArgumentException("the first two arguments must be JSON objects");
        if (!JsonValues.IsBoolean(args[2]))
            throw new IntrinsicArgumentException("the third argument must be a boolean");
        if (args[2]!.GetValue<bool>())
            throw new IntrinsicArgumentException("only the shallow merge mode is supported: the third argument must be false");
        var merged = (JsonObject)left.DeepClone();
        foreach (var (key, value) in right)
            merged[key] = JsonValues.Clone(value);
        return merged;
    }

    private static JsonNode MathRandom(List<JsonNode?> args, EvaluationScope scope)
    {
        if (args.Count is not (2 or 3))
            throw Arity(2, args);
        var (start, end) = (IntegerArg(args, 0), IntegerArg(args, 1));
        if (end < start)
            throw new IntrinsicArgumentException("end must not be less than start");
        // A seed makes the result reproducible, as the docs promise; otherwise the engine's injected source.
        var value = args.Count == 3
            ? new Random((int)IntegerArg(args, 2)).NextInt64(start, end + 1)
            : scope.Random.NextInt64(start, end + 1);
        return JsonValues.Number(value);
    }

    private static JsonNode MathAdd(List<JsonNode?> args)
    {
        ExpectCount(args, 2);
        return JsonValues.Number(checked(IntegerArg(args, 0) + IntegerArg(args, 1)));
    }

    private static JsonArray StringSplit(List<JsonNode?> args)
    {
        ExpectCount(args, 2);
        var parts = StringArg(args, 0).Split(StringArg(args, 1).ToCharArray(), StringSplitOptions.RemoveEmptyEntries);
        return new JsonArray(parts.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray());
    }

    private static JsonValue Uuid(List<JsonNode?> args, EvaluationScope scope)
    {
        ExpectCount(args, 0);
        return JsonValue.Create(scope.Random.NextGuid().ToString("D", CultureInfo.InvariantCulture));
    }
}
