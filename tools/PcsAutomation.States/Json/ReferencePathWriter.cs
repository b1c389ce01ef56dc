using System.Text.Json.Nodes;

namespace PcsAutomation.States.Json;

/// <summary>Writes a value at a reference path (ResultPath), creating missing objects on the way, as the spec requires.</summary>
internal static class ReferencePathWriter
{
    /// <summary>Returns the new document, or false when the path crosses a value that is not an object (or a missing index).</summary>
    public static bool TryWrite(JsonNode? document, JsonPath path, JsonNode? value, out JsonNode? result)
    {
        var segments = path.Segments;
        if (segments.Count == 0)
        {
            result = value;
            return true;
        }

        result = document;
        JsonNode? current = document;
        for (var i = 0; i < segments.Count; i++)
        {
            var last = i == segments.Count - 1;
            switch (segments[i], current)
            {
                case (MemberSegment member, JsonObject obj):
                    if (last)
                    {
                        obj[member.Name] = value;
                        return true;
                    }

                    if (!obj.TryGetPropertyValue(member.Name, out var child))
                    {
                        child = new JsonObject();
                        obj[member.Name] = child;
                    }
                    else if (child is not JsonObject and not JsonArray)
                    {
                        return false;
                    }

                    current = child;
                    break;
                case (IndexSegment index, JsonArray array):
                    var at = index.Index < 0 ? array.Count + index.Index : index.Index;
                    if (at < 0 || at >= array.Count)
                        return false;
                    if (last)
                    {
                        array[at] = value;
                        return true;
                    }

                    current = array[at];
                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
