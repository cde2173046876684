namespace SchemaRegistry.Bench;

/// <summary>The data file in memory: one UTF-8 byte array per record, so timed passes do no I/O.</summary>
internal sealed class Corpus
{
    private readonly long[] prefixBytes;

    private Corpus(string path, byte[][] records, string[]? labels)
    {
        Path = path;
        Records = records;
        Labels = labels;
        prefixBytes = new long[records.Length + 1];
        for (var i = 0; i < records.Length; i++)
        {
            prefixBytes[i + 1] = prefixBytes[i] + records[i].Length;
        }
    }

    public string Path { get; }

    public byte[][] Records { get; }

    /// <summary>The generator's label of each record ("valid" or its defects), when FILE.labels matches the data.</summary>
    public string[]? Labels { get; }

    public int Count => Records.Length;

    public long TotalBytes => prefixBytes[^1];

    /// <summary>Bytes of the first <paramref name="count"/> records, without line ends.</summary>
    public long BytesOf(int count) => prefixBytes[count];

    public static string LabelsPath(string dataPath) => dataPath + ".labels";

    public static Corpus Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var records = new List<byte[]>();
        var span = bytes.AsSpan();
        while (!span.IsEmpty)
        {
            var end = span.IndexOf((byte)'\n');
            var line = end < 0 ? span : span[..end];
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }
            if (!line.IsEmpty)
            {
                records.Add(line.ToArray());
            }
            span = end < 0 ? [] : span[(end + 1)..];
        }

        string[]? labels = null;
        var labelsPath = LabelsPath(path);
        if (File.Exists(labelsPath))
        {
            labels = File.ReadAllLines(labelsPath);
            if (labels.Length != records.Count)
            {
                Console.Error.WriteLine($"Ignoring {labelsPath}: {labels.Length} labels for {records.Count} records.");
                labels = null;
            }
        }
        return new Corpus(path, [.. records], labels);
    }
}
