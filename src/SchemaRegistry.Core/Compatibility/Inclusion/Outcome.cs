namespace SchemaRegistry.Core.Compatibility.Inclusion;

/// <summary>The answer to "is every value of the one schema accepted by the other?": proven, or not proven and why.</summary>
internal sealed record Outcome(bool Holds, string? Reason)
{
    public static readonly Outcome Yes = new(true, null);

    public static Outcome No(string reason) => new(false, reason);
}
