using System.Text.Json;

namespace SchemaRegistry.Core.Compatibility.Inclusion;

/// <summary>Exactly one value (from <c>const</c> or one <c>enum</c> entry); <see cref="Text"/> is its canonical JSON.</summary>
internal sealed record ConstAtom(JsonElement Value, string Text) : Atom
{
    public override ValueKinds Kinds => Json.JsonTypes.Of(Value);

    public static ConstAtom Of(JsonElement value) => new(value.Clone(), SchemaJson.Value(value));
}
