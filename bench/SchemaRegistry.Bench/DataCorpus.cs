using System.Diagnostics;
using System.Globalization;

namespace SchemaRegistry.Bench;

/// <summary>A big NDJSON file built from the base file: where it is, how many records and bytes, whether it was reused.</summary>
internal sealed record DataFile(string Path, long Records, long Bytes, bool Reused);

/// <summary>
/// The big NDJSON files of the data benchmark: the base file's records repeated, in order, until the file reaches
/// its size, and one record in <see cref="DriftEvery"/> given a field the schema does not declare
/// (<c>"invoice_region_code":"EU-W"</c>, right after the opening brace). The schema is closed
/// (<c>additionalProperties: false</c>), so those records are drifted and invalid at once.
/// </summary>
internal static class DataCorpus
{
    public const int DriftEvery = 200;

    public const string DriftFieldName = "invoice_region_code";

    private static readonly byte[] DriftField = "\"invoice_region_code\":\"EU-W\","u8.ToArray();

    /// <summary>Whether the record at <paramref name="index"/> (from 0) of a big file has the drift field.</summary>
    public static bool IsDrifted(long index) => index % DriftEvery == DriftEvery - 1;

    /// <summary>
    /// The big file of at least <paramref name="targetBytes"/> bytes beside the base file in <paramref name="directory"/>;
    /// a file of that name and exactly the planned size is reused.
    /// </summary>
    public static DataFile Ensure(Corpus corpus, string directory, long targetBytes, string sizeLabel)
    {
        var (records, bytes) = Plan(corpus, targetBytes);
        var path = System.IO.Path.Combine(directory,
            $"{System.IO.Path.GetFileNameWithoutExtension(corpus.Path)}.drift{DriftEvery}.{sizeLabel}.ndjson");
        if (File.Exists(path) && new FileInfo(path).Length == bytes)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Reusing {path} ({records:N0} records, {bytes / 1e6:N1} MB)."));
            return new DataFile(path, records, bytes, Reused: true);
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Writing {path} ({records:N0} records, {bytes / 1e6:N1} MB) …"));
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(directory);
        var partial = path + ".partial";
        using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            for (long i = 0; i < records; i++)
            {
                var record = corpus.Records[i % corpus.Count];
                if (IsDrifted(i))
                {
                    if (record.Length < 2 || record[0] != (byte)'{' || record[1] != (byte)'"')
                    {
                        throw new InvalidOperationException($"Record {i % corpus.Count + 1} of {corpus.Path} does not start with '{{\"'; the drift field cannot go in.");
                    }
                    output.WriteByte((byte)'{');
                    output.Write(DriftField);
                    output.Write(record.AsSpan(1));
                }
                else
                {
                    output.Write(record);
                }
                output.WriteByte((byte)'\n');
            }
        }
        File.Move(partial, path, overwrite: true);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  written in {clock.Elapsed.TotalSeconds:N1} s."));
        return new DataFile(path, records, bytes, Reused: false);
    }

    /// <summary>Reads the whole file once, untimed, so the timed pass reads it from the page cache.</summary>
    public static double ReadThrough(string path)
    {
        var clock = Stopwatch.StartNew();
        var buffer = new byte[1 << 20];
        using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        while (input.Read(buffer) > 0)
        {
        }
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// How many records of a big file of <paramref name="records"/> records should be quarantined and how many of
    /// them drifted, from the base file's verdicts: the base verdict of the repeated record, or the drift field.
    /// </summary>
    public static (long Quarantined, long Drifted) Expected(bool[] baseValid, bool[] baseDrifted, long records)
    {
        long quarantined = 0, drifted = 0;
        for (long i = 0; i < records; i++)
        {
            var b = (int)(i % baseValid.Length);
            var injected = IsDrifted(i);
            if (injected || !baseValid[b] || baseDrifted[b])
            {
                quarantined++;
            }
            if (injected || baseDrifted[b])
            {
                drifted++;
            }
        }
        return (quarantined, drifted);
    }

    private static (long Records, long Bytes) Plan(Corpus corpus, long targetBytes)
    {
        long records = 0, bytes = 0;
        while (bytes < targetBytes)
        {
            bytes += corpus.Records[records % corpus.Count].Length + 1 + (IsDrifted(records) ? DriftField.Length : 0);
            records++;
        }
        return (records, bytes);
    }
}
