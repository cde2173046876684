using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.JsonSchema.Engine;

namespace SchemaRegistry.Data.Drift;

/// <summary>
/// Walks one record's UTF-8 JSON against a <see cref="DataShape"/> and lists how its shape drifted: fields the
/// schema does not declare, required fields absent, values of an undeclared JSON type, at any depth. One detector
/// per thread. Paths are interned (<see cref="DriftPathTable"/>) and samples kept as bytes in a reused buffer, so a
/// record that drifts where earlier ones did allocates nothing; <see cref="Findings"/> builds its objects on demand.
/// </summary>
public sealed class DriftDetector(DataShape shape)
{
    private const int MaxSampleBytes = 200;
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 1000 };
    private static readonly byte[] ArrayMarker = Encoding.UTF8.GetBytes(DriftPath.ArrayMarker);

    private readonly DriftPathTable _table = new();
    private Segment[] _segments = new Segment[16];
    private int _depth;
    private Entry[] _entries = new Entry[8];
    private int _count;
    private byte[] _samples = new byte[1024];
    private int _samplesLength;
    private char[] _chars = new char[64];
    private readonly List<DriftFinding> _findings = [];
    private bool _findingsBuilt = true;

    /// <summary>The findings of the last record inspected.</summary>
    public IReadOnlyList<DriftFinding> Findings
    {
        get
        {
            if (!_findingsBuilt)
            {
                _findings.Clear();
                for (var i = 0; i < _count; i++)
                {
                    ref var entry = ref _entries[i];
                    _findings.Add(new DriftFinding(entry.Site.Kind, entry.Site.Path, entry.Observed, SampleText(entry), entry.Site.Expected));
                }
                _findingsBuilt = true;
            }
            return _findings;
        }
    }

    /// <summary>How many findings the last record had.</summary>
    public int Count => _count;

    /// <summary>Forgets the last record's findings (a record known not to drift).</summary>
    public void Reset()
    {
        _count = 0;
        _samplesLength = 0;
        _findingsBuilt = false;
    }

    /// <summary>Counts the last record's findings into a report (the same as adding each of <see cref="Findings"/>, without building them).</summary>
    public void AddTo(DriftReport report, long recordNumber)
    {
        for (var i = 0; i < _count; i++)
        {
            ref var entry = ref _entries[i];
            report.Add(entry.Site, entry.Observed, entry.SampleLength < 0 ? default : _samples.AsSpan(entry.SampleStart, entry.SampleLength),
                entry.SampleLength >= 0, entry.Truncated, recordNumber);
        }
    }

    /// <summary>Inspects one record; returns true when it drifted. A record that is not JSON text has no shape to drift: false.</summary>
    public bool Inspect(ReadOnlySpan<byte> json)
    {
        Reset();
        _depth = 0;
        if (_table.Count > DriftPathTable.MaxPaths)
        {
            _table.Clear();
        }
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
            Reset();
        }
        catch (InsufficientExecutionStackException)
        {
            Reset();
        }
        catch (InvalidOperationException)
        {
            // A name or string that is not UTF-8 text (or holds a lone surrogate): not JSON text, so no shape.
            Reset();
        }
        return _count > 0;
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
            var path = Resolve(json);
            Add(DriftKind.TypeChange, path, kind, node.Kinds, ref reader, json);
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
        var seenLarge = large ? ArrayPool<bool>.Shared.Rent(node.Names.Length) : null;
        if (seenLarge is not null)
        {
            Array.Clear(seenLarge, 0, node.Names.Length);
        }
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
                Push(node.NameBytes[index], 0, node.NameBytes[index].Length);
                Visit(ref reader, node.Children[index], json);
                _depth--;
                continue;
            }
            if (!node.DeclaresFields)
            {
                // Only required names are known here: other fields are free, not new.
                reader.Read();
                reader.Skip();
                continue;
            }
            // The name's bytes: in the record when it has no escapes, else unescaped into an array of its own (rare).
            byte[]? unescaped = null;
            var nameStart = 0;
            var nameLength = 0;
            if (reader.ValueIsEscaped)
            {
                unescaped = Encoding.UTF8.GetBytes(reader.GetString()!);
                nameLength = unescaped.Length;
            }
            else
            {
                if (!Utf8.IsValid(reader.ValueSpan))
                {
                    throw new InvalidOperationException("A property name is not UTF-8 text.");
                }
                nameStart = (int)reader.TokenStartIndex + 1;
                nameLength = reader.ValueSpan.Length;
            }
            var nameBytes = unescaped ?? json.Slice(nameStart, nameLength);
            reader.Read();
            var target = (node.Patterns.Count > 0 ? node.MatchPattern(Chars(nameBytes)) : null) ?? (node.Closed ? null : node.Additional);
            if (target is not null)
            {
                Push(unescaped, nameStart, nameLength);
                Visit(ref reader, target, json);
                _depth--;
                continue;
            }
            var path = _table.Child(Resolve(json), nameBytes);
            Add(DriftKind.NewField, path, KindOf(ref reader), ValueKinds.None, ref reader, json);
        }
        foreach (var required in node.RequiredIndexes)
        {
            if (large ? !seenLarge![required] : (seen & (1UL << required)) == 0)
            {
                var path = _table.Child(Resolve(json), node.NameBytes[required]);
                AddMissing(path, node.Children[required].Kinds);
            }
        }
        if (seenLarge is not null)
        {
            ArrayPool<bool>.Shared.Return(seenLarge);
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
        Push(ArrayMarker, 0, ArrayMarker.Length);
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
        _depth--;
    }

    /// <summary>Enters a segment: bytes of <paramref name="bytes"/>, or of the record when it is null.</summary>
    private void Push(byte[]? bytes, int start, int length)
    {
        if (_depth == _segments.Length)
        {
            Array.Resize(ref _segments, _depth * 2);
        }
        _segments[_depth++] = new Segment(bytes, start, length, -1);
    }

    /// <summary>The interned id of the current path, resolving (once per record) the segments entered since.</summary>
    private int Resolve(ReadOnlySpan<byte> json)
    {
        var id = DriftPathTable.Root;
        for (var i = 0; i < _depth; i++)
        {
            ref var segment = ref _segments[i];
            if (segment.Id < 0)
            {
                var name = segment.Bytes is { } bytes ? bytes.AsSpan(segment.Start, segment.Length) : json.Slice(segment.Start, segment.Length);
                segment.Id = _table.Child(id, name);
            }
            id = segment.Id;
        }
        return id;
    }

    private void Add(DriftKind kind, int path, ValueKinds observed, ValueKinds expected, ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        // The value's JSON text (its first MaxSampleBytes), leaving the reader on its last token.
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        var length = (int)reader.BytesConsumed - start;
        var kept = Math.Min(length, MaxSampleBytes);
        if (_samplesLength + kept > _samples.Length)
        {
            Array.Resize(ref _samples, Math.Max(_samples.Length * 2, _samplesLength + kept));
        }
        json.Slice(start, kept).CopyTo(_samples.AsSpan(_samplesLength));
        Append(new Entry(_table.Site(path, kind, expected), observed, _samplesLength, kept, length > MaxSampleBytes));
        _samplesLength += kept;
    }

    private void AddMissing(int path, ValueKinds expected) =>
        Append(new Entry(_table.Site(path, DriftKind.MissingField, expected), ValueKinds.None, 0, -1, false));

    private void Append(Entry entry)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _count * 2);
        }
        _entries[_count++] = entry;
    }

    private ReadOnlySpan<char> Chars(ReadOnlySpan<byte> name)
    {
        var most = Encoding.UTF8.GetMaxCharCount(name.Length);
        if (most > _chars.Length)
        {
            _chars = new char[most];
        }
        return _chars.AsSpan(0, Encoding.UTF8.GetChars(name, _chars));
    }

    private string? SampleText(in Entry entry) =>
        entry.SampleLength < 0 ? null : SampleString(_samples.AsSpan(entry.SampleStart, entry.SampleLength), entry.Truncated);

    /// <summary>A sample's text: its bytes, and "…" when the value was cut at <see cref="MaxSampleBytes"/>.</summary>
    internal static string SampleString(ReadOnlySpan<byte> bytes, bool truncated) =>
        truncated ? Encoding.UTF8.GetString(bytes) + "…" : Encoding.UTF8.GetString(bytes);

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
        if (number.Length <= 16 && number.IndexOfAny((byte)'e', (byte)'E') < 0)
        {
            // At most 15 digits and no exponent: the double nearest the text is an integer exactly when every digit
            // after the point is 0 (a nonzero fraction is at least 10^-f from an integer, more than the rounding).
            return number[(number.IndexOf((byte)'.') + 1)..].IndexOfAnyExcept((byte)'0') < 0;
        }
        return double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && Math.Floor(value) == value && !double.IsInfinity(value);
    }

    /// <summary>A path segment entered: its name's bytes (in <see cref="Bytes"/>, or in the record when null) and its interned id once resolved.</summary>
    private record struct Segment(byte[]? Bytes, int Start, int Length, int Id);

    private readonly record struct Entry(DriftSite Site, ValueKinds Observed, int SampleStart, int SampleLength, bool Truncated);
}
