namespace SchemaRegistry.Bench;

/// <summary>One generated record and what the generator did to it ("valid", or the defects joined by " + ").</summary>
internal readonly record struct GeneratedInvoice(byte[] Json, string Label)
{
    public const string ValidLabel = "valid";

    public bool IsValid => Label == ValidLabel;
}
