using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Csw.Framework.Internal.Hocon;

/// <summary>
/// The JSON view of a HOCON tree: its JSON text, so that one strict reader validates both
/// formats, and where the value at a JSON path (as that reader names it) came from.
/// </summary>
internal static class HoconJson
{
    public static byte[] Write(HoconValue root)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, root);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Where the value at <paramref name="jsonPath"/> (e.g. <c>$.components[0].prefix</c>) starts, or its nearest enclosing value that exists.</summary>
    public static HoconPosition Locate(HoconValue root, string jsonPath)
    {
        var value = root;
        var rest = jsonPath.AsSpan(jsonPath.StartsWith('$') ? 1 : jsonPath.Length);
        while (rest.Length > 1)
        {
            if (rest[0] == '[' && value is HoconArray array && rest.IndexOf(']') is > 1 and var close
                && int.TryParse(rest[1..close], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Items.Count)
            {
                value = array.Items[index];
                rest = rest[(close + 1)..];
            }
            else if (rest[0] == '.' && value is HoconObject obj)
            {
                // The last part is a whole key even if it holds dots: "Unknown field 'a.b'" names it so.
                var end = obj.TryGet(rest[1..].ToString(), out _) ? rest.Length : rest[1..].IndexOfAny('.', '[') is >= 0 and var next ? next + 1 : rest.Length;
                if (!obj.TryGet(rest[1..end].ToString(), out var field))
                {
                    break;
                }
                value = field;
                rest = rest[end..];
            }
            else
            {
                break;
            }
        }
        return value.Position;
    }

    private static void Write(Utf8JsonWriter writer, HoconValue value)
    {
        switch (value)
        {
            case HoconObject obj:
                writer.WriteStartObject();
                foreach (var (key, field) in obj.Fields)
                {
                    writer.WritePropertyName(key);
                    Write(writer, field);
                }
                writer.WriteEndObject();
                break;
            case HoconArray array:
                writer.WriteStartArray();
                array.Items.ForEach(item => Write(writer, item));
                writer.WriteEndArray();
                break;
            case HoconScalar { Kind: HoconScalarKind.String } text:
                writer.WriteStringValue(text.Text);
                break;
            case HoconScalar literal:
                // Numbers, true, false and null are written as they were: each is valid JSON as it stands.
                writer.WriteRawValue(literal.Text);
                break;
        }
    }
}
