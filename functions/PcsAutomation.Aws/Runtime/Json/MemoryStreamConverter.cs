using System.Text.Json;
using System.Text.Json.Serialization;

namespace PcsAutomation.Aws.Runtime.Json;

/// <summary>Blobs travel as base64 strings; the AWS SDK exposes them as <see cref="MemoryStream"/>.</summary>
public sealed class MemoryStreamConverter : JsonConverter<MemoryStream>
{
    public override MemoryStream Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetBytesFromBase64(), writable: false);

    public override void Write(Utf8JsonWriter writer, MemoryStream value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteBase64StringValue(value.ToArray());
    }
}
