using System.Text;
using System.Text.Json;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.JsonSchema.Engine;

namespace SchemaRegistry.Data.Drift;

/// <summary>
/// Walks one record's UTF-8 JSON against a <see cref="DataShape"/> and lists how its shape drifted: fields the
/// schema does not declare, required fields absent, values of an undeclared JSON type, at any depth. One detector
/// per thread; it reuses its buffers from record to record and allocates only for findings.
/// </summary>
public sealed class DriftDetector(DataShape shape)
{
    private const int MaxSampleBytes = 200;
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 1000 };

    private readonly List<string> _path = [];
    private readonly List<DriftFinding> _findings = [];

    /// <summary>The findings of the last record inspected.</summary>
    public IReadOnlyList<DriftFinding> Findings => _findings;

    /// <summary>Forgets the last record's findings (a record known not to drift).</summary>
    public void Reset() => _findings.Clear();

    /// <summary>Inspects one record; returns true when it drifted. A record that is not JSON text has no shape to drift: false.</summary>
    public bool Inspect(ReadOnlySpan<byte> json)
    {
        _findings.Clear();
        _path.Clear();
        try
        {
            var reader = new Utf8JsonReader(json, ReaderOptions);
            if (reader.Read())
            {
                Visit(ref reader, shape.Root, json);
            }
        }
        catch (JsonException)
        {
            _findings.Clear();
        }
        catch (InsufficientExecutionStackException)
        {
            _findings.Clear();
        }
        catch (InvalidOperationException)
        {
            // A name or string that is not UTF-8 text (or holds a lone surrogate): not JSON text, so no shape.
            _findings.Clear();
        }
        return _findings.Count > 0;
    }

    private void Visit(ref Utf8JsonReader reader, ShapeNode node, ReadOnlySpan<byte> json)
    {
        if (node.AcceptsAnything)
        {
            reader.Skip();
            return;
        }
        var kind = KindOf(ref reader);
        if ((kind & node.Kinds) == 0)
        {
            _findings.Add(new DriftFinding(DriftKind.TypeChange, DriftPath.Join(_path), kind, Sample(ref reader, json), node.Kinds));
            return;
        }
        if (kind == ValueKinds.Object)
        {
            VisitObject(ref reader, node, json);
        }
        else if (kind == ValueKinds.Array)
        {
            VisitArray(ref reader, node, json);
        }
    }

    private void VisitObject(ref Utf8JsonReader reader, ShapeNode node, ReadOnlySpan<byte> json)
    {
        if (!node.DeclaresFields && node.RequiredIndexes.Length == 0)
        {
            reader.Skip();
            return;
        }
        var names = node.NameTable!;
        var large = node.Names.Length > 64;
        var seen = 0UL;
        var seenLarge = large ? new bool[node.Names.Length] : null;
        var previous = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = reader.ValueIsEscaped ? FindEscaped(ref reader, names) : names.FindAfter(previous, reader.ValueSpan);
            if (index >= 0)
            {
                previous = index;
                if (large)
                {
                    seenLarge![index] = true;
                }
                else
                {
                    seen |= 1UL << index;
                }
                reader.Read();
                _path.Add(node.Names[index]);
                Visit(ref reader, node.Children[index], json);
                _path.RemoveAt(_path.Count - 1);
                continue;
            }
            if (!node.DeclaresFields)
            {
                // Only required names are known here: other fields are free, not new.
                reader.Read();
                reader.Skip();
                continue;
            }
            var name = reader.GetString()!;
            reader.Read();
            var target = node.MatchPattern(name) ?? (node.Closed ? null : node.Additional);
            if (target is not null)
            {
                _path.Add(name);
                Visit(ref reader, target, json);
                _path.RemoveAt(_path.Count - 1);
                continue;
            }
            _findings.Add(new DriftFinding(DriftKind.NewField, DriftPath.Join(_path, name), KindOf(ref reader), Sample(ref reader, json)));
        }
        foreach (var required in node.RequiredIndexes)
        {
            if (large ? !seenLarge![required] : (seen & (1UL << required)) == 0)
            {
                _findings.Add(new DriftFinding(DriftKind.MissingField, DriftPath.Join(_path, node.Names[required]), ValueKinds.None, null,
                    node.Children[required].Kinds));
            }
        }
    }

    private static int FindEscaped(ref Utf8JsonReader reader, Utf8NameTable names)
    {
        if (reader.ValueSpan.Length > 256)
        {
            return names.Find(Encoding.UTF8.GetBytes(reader.GetString()!));
        }
        Span<byte> unescaped = stackalloc byte[256];
        var length = reader.CopyString(unescaped);
        return names.Find(unescaped[..length]);
    }

    private void VisitArray(ref Utf8JsonReader reader, ShapeNode node, ReadOnlySpan<byte> json)
    {
        if (node.Items is null && node.PrefixItems.Count == 0)
        {
            reader.Skip();
            return;
        }
        _path.Add(DriftPath.ArrayMarker);
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var item = index < node.PrefixItems.Count ? node.PrefixItems[index] : node.Items;
            if (item is null)
            {
                reader.Skip();
            }
            else
            {
                Visit(ref reader, item, json);
            }
            index++;
        }
        _path.RemoveAt(_path.Count - 1);
    }

    internal static ValueKinds KindOf(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => ValueKinds.Object,
        JsonTokenType.StartArray => ValueKinds.Array,
        JsonTokenType.String => ValueKinds.String,
        JsonTokenType.True or JsonTokenType.False => ValueKinds.Boolean,
        JsonTokenType.Null => ValueKinds.Null,
        JsonTokenType.Number => IsInteger(reader.ValueSpan) ? ValueKinds.Integer : ValueKinds.Fraction,
        _ => ValueKinds.None,
    };

    /// <summary>JSON Schema's integer is mathematical: <c>1.0</c> and <c>1e2</c> are integers.</summary>
    private static bool IsInteger(ReadOnlySpan<byte> number)
    {
        if (number.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0)
        {
            return true;
        }
        return double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && Math.Floor(value) == value && !double.IsInfinity(value);
    }

    /// <summary>The value's JSON text (cut at <see cref="MaxSampleBytes"/>), leaving the reader on its last token.</summary>
    private static string Sample(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        var end = (int)reader.BytesConsumed;
        var text = json[start..end];
        return text.Length <= MaxSampleBytes
            ? Encoding.UTF8.GetString(text)
            : Encoding.UTF8.GetString(text[..MaxSampleBytes]) + "…";
    }
}
