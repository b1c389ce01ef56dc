using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PcsAutomation.Lambda.Core;

namespace PcsAutomation.Lambda.Serialization;

/// <summary>What the loop runs: raw event bytes in, raw JSON response out.</summary>
public delegate Task<ReadOnlyMemory<byte>> LambdaHandler(ReadOnlyMemory<byte> payload, ILambdaContext context);

/// <summary>
/// Adapts a typed handler to <see cref="LambdaHandler"/> with source-generated JSON metadata, so the loop knows no types
/// and Native AOT sees every serialized type at compile time.
/// </summary>
public static class HandlerWrapper
{
    public static LambdaHandler Create<TInput, TOutput>(
        Func<TInput, ILambdaContext, Task<TOutput>> handler,
        JsonTypeInfo<TInput> inputInfo,
        JsonTypeInfo<TOutput> outputInfo)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(inputInfo);
        ArgumentNullException.ThrowIfNull(outputInfo);
        return async (payload, context) =>
        {
            var input = Deserialize(payload, inputInfo);
            var output = await handler(input, context).ConfigureAwait(false);
            return JsonSerializer.SerializeToUtf8Bytes(output, outputInfo);
        };
    }

    private static TInput Deserialize<TInput>(ReadOnlyMemory<byte> payload, JsonTypeInfo<TInput> inputInfo)
    {
        var typeName = DisplayName(inputInfo.Type);
        TInput? input;
        try
        {
            input = JsonSerializer.Deserialize(payload.Span, inputInfo);
        }
        catch (JsonException e)
        {
            // JsonException's message names the path and position but not the value, so it is safe to pass on.
            throw new LambdaSerializationException($"The input is not a valid {typeName}: {e.Message}", e);
        }
        return input ?? throw new LambdaSerializationException($"The input is null; expected a {typeName} object.");
    }

    /// <summary><c>CloudWatchEvent&lt;CloudTrailDetail&gt;</c> rather than <c>CloudWatchEvent`1</c>.</summary>
    internal static string DisplayName(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(DisplayName))}>"
        : type.Name;
}
