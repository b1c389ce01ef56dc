using System.Text.Json;
using System.Text.Json.Serialization;
using Amazon.Runtime;

namespace PcsAutomation.Aws.Runtime.Json;

/// <summary>Reads and writes a constant class as its string value; unknown values are kept, not rejected.</summary>
public sealed class ConstantClassConverter<T> : JsonConverter<T> where T : ConstantClass, IConstantClass<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        T.FindValue(reader.GetString() ?? throw new JsonException($"{typeof(T).Name} cannot be null."));

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.Value);
    }
}
