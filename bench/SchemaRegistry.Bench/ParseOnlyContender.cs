using System.Text.Json;

namespace SchemaRegistry.Bench;

/// <summary>(a) System.Text.Json parse into a JsonDocument and dispose it; no schema.</summary>
internal sealed class ParseOnlyContender() : Contender("parse", "(a) System.Text.Json JsonDocument.Parse + Dispose", checksSchema: false)
{
    public override bool Check(byte[] record)
    {
        using var document = JsonDocument.Parse(new ReadOnlyMemory<byte>(record));
        return document.RootElement.ValueKind == JsonValueKind.Object;
    }
}
