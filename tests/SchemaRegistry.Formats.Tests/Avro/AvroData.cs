using Avro.Generic;
using Avro.IO;
using SchemaRegistry.Formats.Avro;

namespace SchemaRegistry.Formats.Tests.Avro;

/// <summary>Real Avro data: a datum in Avro's JSON encoding written in binary with one schema and read with another by Apache.Avro.</summary>
internal static class AvroData
{
    public static object? WriteThenRead(AvroParsedSchema writer, AvroParsedSchema reader, string json)
    {
        var datum = new GenericDatumReader<object>(writer.Schema, writer.Schema).Read(null!, new JsonDecoder(writer.Schema, json));
        using var stream = new MemoryStream();
        new GenericDatumWriter<object>(writer.Schema).Write(datum, new BinaryEncoder(stream));
        stream.Position = 0;
        return new GenericDatumReader<object>(writer.Schema, reader.Schema).Read(null!, new BinaryDecoder(stream));
    }

    /// <summary>Data of the schema, as the format's examples are made: one datum, or one per branch of a union.</summary>
    public static IReadOnlyList<string> Samples(AvroParsedSchema schema) =>
        (schema.Root is AvroUnion union ? union.Branches.Select(AvroSampler.InUnion) : [AvroSampler.Sample(schema.Root)])
            .Select(s => s ?? throw new InvalidOperationException("No sample.")).ToList();
}
