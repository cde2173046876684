namespace SchemaRegistry.Formats.Protobuf.Model;

/// <summary>A field's label: none written (proto3 implicit presence, oneof members, maps), or one of the keywords.</summary>
public enum ProtoLabel
{
    None,
    Optional,
    Required,
    Repeated,
}
