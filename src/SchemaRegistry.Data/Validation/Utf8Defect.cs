using System.Buffers;
using System.Text;
using System.Text.Json;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Data.Validation;

/// <summary>
/// Where a record's text stops being UTF-8: the byte offset of the first invalid sequence (a stray continuation byte,
/// an overlong form such as <c>C0 AF</c>, an encoded surrogate such as <c>ED A0 80</c>, a cut sequence), its bytes,
/// and the JSON pointer of the value holding it when the text before it is JSON. The JSON reader does not check
/// string contents, so without this a record carrying such bytes in a string would count as valid.
/// </summary>
public sealed record Utf8Defect(int Offset, string Bytes, string Path)
{
    /// <summary>The first defect in <paramref name="text"/>, or null when it is valid UTF-8.</summary>
    public static Utf8Defect? Find(ReadOnlySpan<byte> text)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            var status = Rune.DecodeFromUtf8(text[offset..], out _, out var consumed);
            if (status != OperationStatus.Done)
            {
                var bad = text.Slice(offset, Math.Min(Math.Max(consumed, 1), 4));
                return new Utf8Defect(offset, Convert.ToHexString(bad), PathAt(text[..offset]));
            }
            offset += consumed;
        }
        return null;
    }

    /// <summary>The reason given for a record carrying the defect.</summary>
    public RecordReason ToReason()
    {
        var where = Path.Length == 0 ? "" : $" in the value at '{Path}'";
        var bytes = string.Join(' ', Enumerable.Range(0, Bytes.Length / 2).Select(i => "0x" + Bytes.Substring(i * 2, 2)));
        return new RecordReason(ErrorCode.BatchValidationFailed, "encoding", Path,
            $"The record is not valid UTF-8: the byte sequence {bytes} at byte {Offset} of the record{where} is not a UTF-8 character.");
    }

    /// <summary>The JSON pointer of the value being read where <paramref name="prefix"/> ends ("" for none or not JSON).</summary>
    private static string PathAt(ReadOnlySpan<byte> prefix)
    {
        var segments = new List<string>();
        var indexes = new List<int>();
        string? pending = null;
        var reader = new Utf8JsonReader(prefix, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { MaxDepth = 1024 }));
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pending = reader.GetString();
                        continue;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        Push(segments, indexes, ref pending);
                        indexes.Add(reader.TokenType == JsonTokenType.StartArray ? 0 : -1);
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        if (segments.Count > 0)
                        {
                            segments.RemoveAt(segments.Count - 1);
                        }
                        indexes.RemoveAt(indexes.Count - 1);
                        Advance(indexes);
                        continue;
                    default:
                        pending = null;
                        Advance(indexes);
                        continue;
                }
            }
        }
        catch (JsonException)
        {
            return "";
        }
        // The reader stopped at the unfinished token holding the defect: a value of the pending property or array slot.
        var path = new StringBuilder();
        foreach (var segment in segments.Skip(1))
        {
            path.Append('/').Append(segment);
        }
        if (pending is not null)
        {
            path.Append('/').Append(Escape(pending));
        }
        else if (indexes.Count > 0 && indexes[^1] >= 0)
        {
            path.Append('/').Append(indexes[^1]);
        }
        return path.ToString();
    }

    /// <summary>Opens a container: its segment is the property it is the value of, or its index in the enclosing array.</summary>
    private static void Push(List<string> segments, List<int> indexes, ref string? pending)
    {
        segments.Add(pending is not null ? Escape(pending) : indexes.Count > 0 && indexes[^1] >= 0 ? indexes[^1].ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
        pending = null;
    }

    private static void Advance(List<int> indexes)
    {
        if (indexes.Count > 0 && indexes[^1] >= 0)
        {
            indexes[^1]++;
        }
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
