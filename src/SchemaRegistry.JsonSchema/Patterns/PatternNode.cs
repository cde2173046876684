namespace SchemaRegistry.JsonSchema.Patterns;

/// <summary>The regular-expression shapes the UTF-8 matcher handles: classes, sequences, alternatives, repetition.</summary>
internal abstract record PatternNode
{
    public sealed record Atom(CharClass Class, bool IsDot = false) : PatternNode;

    public sealed record Sequence(IReadOnlyList<PatternNode> Items) : PatternNode;

    public sealed record Alternation(IReadOnlyList<PatternNode> Options) : PatternNode;

    /// <summary><c>{Min,Max}</c>; Max null means unbounded.</summary>
    public sealed record Repeat(PatternNode Item, int Min, int? Max) : PatternNode;
}
