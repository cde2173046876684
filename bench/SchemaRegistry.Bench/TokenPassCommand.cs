using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace SchemaRegistry.Bench;

/// <summary>
/// <c>tokens</c>: one whole-file pass that splits NDJSON lines and reads every token of every record with
/// <see cref="Utf8JsonReader"/>, nothing else (no validation, no output): the floor <c>bench/run-onecore.sh</c>
/// compares <c>data validate</c> with the empty schema against, as a process of its own.
/// </summary>
internal static class TokenPassCommand
{
    public static int Run(CommandArguments arguments)
    {
        var path = arguments.Required("data");
        arguments.RejectUnknown();
        var clock = Stopwatch.StartNew();
        var buffer = new byte[1 << 20];
        long records = 0, tokens = 0, bytes = 0;
        var pending = 0;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))
        {
            int read;
            while ((read = stream.Read(buffer, pending, buffer.Length - pending)) > 0 || pending > 0)
            {
                var data = buffer.AsSpan(0, pending + read);
                var last = read == 0;
                while (true)
                {
                    var end = data.IndexOf((byte)'\n');
                    if (end < 0 && !last)
                    {
                        break;
                    }
                    var line = end < 0 ? data : data[..end];
                    if (line.Length > 0)
                    {
                        var reader = new Utf8JsonReader(line);
                        while (reader.Read())
                        {
                            tokens++;
                        }
                        records++;
                        bytes += line.Length;
                    }
                    data = end < 0 ? [] : data[(end + 1)..];
                    if (end < 0)
                    {
                        break;
                    }
                }
                if (data.Length == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
                data.CopyTo(buffer);
                pending = data.Length;
                if (last)
                {
                    break;
                }
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"records\":{records},\"tokens\":{tokens},\"bytes\":{bytes},\"seconds\":{clock.Elapsed.TotalSeconds:0.000}}}"));
        return 0;
    }
}
