using System.Text.Json;

namespace SchemaRegistry.Bench;

/// <summary>(e) Reads every token and nothing else: the floor no validator reading the same bytes can beat.</summary>
internal sealed class TokenOnlyContender() : Contender("token", "(e) Utf8JsonReader, every token read, nothing else", checksSchema: false)
{
    public override bool Check(byte[] record)
    {
        var reader = new Utf8JsonReader(record);
        while (reader.Read())
        {
        }
        // Using the reader's result keeps the loop from being optimised away.
        return reader.BytesConsumed == record.Length;
    }
}
