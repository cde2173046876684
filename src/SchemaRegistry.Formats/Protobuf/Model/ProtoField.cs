namespace SchemaRegistry.Formats.Protobuf.Model;

/// <summary>
/// A field of a message, an extension or a oneof member (<paramref name="Oneof"/> names it). A map field has
/// <paramref name="MapKey"/> set and its value type in <paramref name="Type"/>.
/// </summary>
public sealed record ProtoField(
    string Name,
    long Number,
    ProtoLabel Label,
    ProtoType Type,
    ProtoType? MapKey,
    string? Oneof,
    IReadOnlyList<ProtoOption> Options,
    SourcePosition Position)
{
    public bool IsMap => MapKey is not null;

    public bool IsRepeated => Label == ProtoLabel.Repeated || IsMap;

    public ProtoOption? Option(string name) => Options.FirstOrDefault(option => option.Name == name);
}
