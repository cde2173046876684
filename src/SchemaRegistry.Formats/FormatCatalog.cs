using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.Avro;
using SchemaRegistry.Formats.JsonSchema;
using SchemaRegistry.Formats.Protobuf;

namespace SchemaRegistry.Formats;

/// <summary>
/// Every schema format the registry holds. The server builds its <see cref="SchemaFormats"/> from this list, and the
/// Confluent door answers <c>GET /schemas/types</c> from it: adding a format is one line here.
/// </summary>
public static class FormatCatalog
{
    public static IReadOnlyList<ISchemaFormat> All() =>
    [
        new JsonSchemaFormat(),
        new AvroFormat(),
        new ProtobufFormat(),
    ];

    public static SchemaFormats Create() => new(All());
}
