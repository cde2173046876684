using System.Text;
using System.Text.Json;
using SchemaRegistry.Data.Records;

namespace SchemaRegistry.Data.Tests.Readers;

/// <summary>Reads a reader to its end, for assertions.</summary>
internal static class Records
{
    public static async Task<List<(long Number, string Json)>> ReadAllAsync(IRecordReader reader, int blockCapacity = 1 << 16)
    {
        var block = new RecordBlock(blockCapacity);
        var records = new List<(long, string)>();
        while (await reader.ReadAsync(block, CancellationToken.None))
        {
            Assert.NotEqual(0, block.Count);
            foreach (var record in block.Records)
            {
                records.Add((record.Number, Encoding.UTF8.GetString(block.Json(record))));
            }
        }
        Assert.Equal(0, block.Count);
        Assert.False(await reader.ReadAsync(block, CancellationToken.None));
        return records;
    }

    /// <summary>The record's JSON re-serialised compactly, so tests compare values, not spelling.</summary>
    public static string Normalize(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement);
    }
}
