namespace SchemaRegistry.Formats.Avro;

/// <summary>A schema's JSON does not have the shape of an Avro schema (the builder's own finding).</summary>
internal sealed class AvroModelException(string message) : Exception(message);
