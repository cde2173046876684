namespace SchemaRegistry.Formats.Protobuf.Model;

/// <summary>An inclusive range of field or enum numbers, as <c>reserved</c> and <c>extensions</c> write them.</summary>
public sealed record ProtoRange(long From, long To)
{
    public bool Contains(long number) => number >= From && number <= To;

    public string Write(long max) => From == To ? $"{From}" : To == max ? $"{From} to max" : $"{From} to {To}";
}
