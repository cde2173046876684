using System.Globalization;
using System.Text;
using System.Text.Json;
using Parquet;
using Parquet.Serialization;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Data.Readers;
using SchemaRegistry.Data.Records;

namespace SchemaRegistry.Bench;

/// <summary>A converted file: where, which of the base file's records it holds (by index), and why the others are not in it.</summary>
internal sealed record DataConverted(string Path, long Bytes, int[] Included, IReadOnlyDictionary<string, int> Skipped, int RowGroups)
{
    public int SkippedCount => Skipped.Values.Sum();
}

/// <summary>What reading a converted file back gives, compared record by record with the records it came from.</summary>
/// <param name="Differ">Records whose JSON read back differs from the original once null members are left out on both sides.</param>
/// <param name="Examples">Where the first few of them differ.</param>
internal sealed record DataRoundTrip(int Records, int Differ, IReadOnlyList<string> Examples);

/// <summary>The base file's records as CSV and as Parquet, for the format rows of the data benchmark.</summary>
internal static class DataFormats
{
    public const int ParquetRowGroupRows = 50_000;

    private const int MaxExamples = 3;

    /// <summary>
    /// CSV (RFC 4180, CRLF): the header is the schema's top-level properties in schema order; a string is its text,
    /// a number or boolean its JSON text, an object or array its JSON text in the cell; an absent value or null is an
    /// empty unquoted cell, the empty string <c>""</c>. A field the schema does not declare goes into an extra cell
    /// after the header's columns (the reader names it <c>_extra_N</c>, so the record stays a record with an
    /// undeclared field). Cells are quoted when they hold a comma, quote, CR or LF, or are empty strings.
    /// </summary>
    public static DataConverted WriteCsv(Corpus corpus, IReadOnlyList<string> columns, string path)
    {
        var index = columns.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var cells = new JsonElement?[columns.Count];
        var extras = new List<JsonElement>();
        using (var output = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20))
        {
            output.NewLine = "\r\n";
            output.WriteLine(string.Join(',', columns.Select(Quote)));
            foreach (var record in corpus.Records)
            {
                using var document = JsonDocument.Parse(record);
                Array.Clear(cells);
                extras.Clear();
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (index.TryGetValue(property.Name, out var column))
                    {
                        cells[column] = property.Value;
                    }
                    else
                    {
                        extras.Add(property.Value);
                    }
                }
                for (var i = 0; i < cells.Length; i++)
                {
                    if (i > 0)
                    {
                        output.Write(',');
                    }
                    output.Write(Cell(cells[i]));
                }
                foreach (var extra in extras)
                {
                    output.Write(',');
                    output.Write(Cell(extra));
                }
                output.WriteLine();
            }
        }
        return new DataConverted(path, new FileInfo(path).Length, [.. Enumerable.Range(0, corpus.Count)], new Dictionary<string, int>(), 0);
    }

    /// <summary>
    /// Parquet through Parquet.Net's class serialiser (<see cref="DataParquetInvoice"/>), in row groups of
    /// <see cref="ParquetRowGroupRows"/> rows; records no such row holds as they are are left out, counted by reason.
    /// </summary>
    public static async Task<DataConverted> WriteParquetAsync(Corpus corpus, string path)
    {
        var included = new List<int>();
        var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<DataParquetInvoice>(ParquetRowGroupRows);
        var rowGroups = 0;
        File.Delete(path);
        await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 20))
        {
            for (var i = 0; i < corpus.Count; i++)
            {
                using var document = JsonDocument.Parse(corpus.Records[i]);
                if (DataParquetInvoice.TryFrom(document.RootElement, out var why) is { } row)
                {
                    rows.Add(row);
                    included.Add(i);
                }
                else
                {
                    skipped[why!] = skipped.GetValueOrDefault(why!) + 1;
                }
                if (rows.Count == ParquetRowGroupRows || (i == corpus.Count - 1 && rows.Count > 0))
                {
                    // Each call appends one row group to the file (the first one creates it).
                    await ParquetSerializer.SerializeAsync(rows, output, new ParquetOptions
                    {
                        Append = rowGroups > 0,
                        RowGroupSize = ParquetRowGroupRows,
                    });
                    rowGroups++;
                    rows.Clear();
                }
            }
        }
        return new DataConverted(path, new FileInfo(path).Length, [.. included], skipped, rowGroups);
    }

    /// <summary>
    /// Reads <paramref name="converted"/> back with the product's reader and compares each record with the base
    /// record it came from, null members left out on both sides (Parquet has no "absent", CSV writes absent and null
    /// alike), numbers by value.
    /// </summary>
    public static async Task<DataRoundTrip> ReadBackAsync(Corpus corpus, DataConverted converted, DataFormat format, IReadOnlyDictionary<string, ValueKinds> kinds)
    {
        await using var stream = new FileStream(converted.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        await using var reader = await RecordReaders.OpenAsync(format, stream, kinds, CancellationToken.None);
        var block = new RecordBlock();
        var position = 0;
        var differ = 0;
        var examples = new List<string>();
        while (await reader.ReadAsync(block, CancellationToken.None))
        {
            foreach (var record in block.Records)
            {
                if (position >= converted.Included.Length)
                {
                    throw new InvalidOperationException($"{converted.Path} holds more records than were written to it.");
                }
                var original = corpus.Records[converted.Included[position++]];
                using var expected = JsonDocument.Parse(original);
                using var actual = JsonDocument.Parse(block.JsonMemory(record));
                if (Difference(expected.RootElement, actual.RootElement, "") is { } difference)
                {
                    differ++;
                    if (examples.Count < MaxExamples)
                    {
                        examples.Add($"record {converted.Included[position - 1] + 1:N0}, {difference}");
                    }
                }
            }
        }
        if (position != converted.Included.Length)
        {
            throw new InvalidOperationException($"{converted.Path}: {position:N0} records read back, {converted.Included.Length:N0} written.");
        }
        return new DataRoundTrip(position, differ, examples);
    }

    private static string Cell(JsonElement? value) => value switch
    {
        null => "",
        { ValueKind: JsonValueKind.Null } => "",
        { ValueKind: JsonValueKind.String } text => text.GetString() is { Length: 0 } ? "\"\"" : Quote(text.GetString()!),
        { } other => Quote(other.GetRawText()),
    };

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Where two records differ, null members left out and numbers compared by value; null when they do not.</summary>
    private static string? Difference(JsonElement a, JsonElement b, string path)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return Describe(a, b, path);
        }
        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var left = a.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                var right = b.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                foreach (var (name, value) in left)
                {
                    var inner = path.Length == 0 ? name : path + "." + name;
                    if (!right.TryGetValue(name, out var other))
                    {
                        return $"`{inner}`: {Truncate(value.GetRawText())} in the NDJSON, absent when read back";
                    }
                    if (Difference(value, other, inner) is { } found)
                    {
                        return found;
                    }
                }
                var extra = right.Keys.FirstOrDefault(name => !left.ContainsKey(name));
                return extra is null ? null : $"`{(path.Length == 0 ? extra : path + "." + extra)}`: absent in the NDJSON, {Truncate(right[extra].GetRawText())} when read back";
            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength())
                {
                    return Describe(a, b, path);
                }
                return a.EnumerateArray().Zip(b.EnumerateArray()).Select((p, i) => Difference(p.First, p.Second, $"{path}[{i}]")).FirstOrDefault(d => d is not null);
            case JsonValueKind.String:
                return a.GetString() == b.GetString() ? null : Describe(a, b, path);
            case JsonValueKind.Number:
                return a.GetRawText() == b.GetRawText()
                    || (double.TryParse(a.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                        && double.TryParse(b.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var y) && x == y)
                    ? null
                    : Describe(a, b, path);
            default:
                return null;
        }
    }

    private static string Describe(JsonElement a, JsonElement b, string path) =>
        $"`{path}`: {Truncate(a.GetRawText())} in the NDJSON, {Truncate(b.GetRawText())} when read back";

    private static string Truncate(string json) =>
        (json.Length <= 80 ? json : json[..80] + "…").Replace("`", "'", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
}
