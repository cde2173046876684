using System.Text.Json;
using SchemaRegistry.JsonSchema.Engine;

namespace SchemaRegistry.JsonSchema.Keywords;

/// <summary>minimum, maximum and their exclusive forms (draft-04's boolean modifiers compile to the exclusive kinds).</summary>
internal sealed class NumberBoundKeyword(string name, string absoluteLocation, BoundKind kind, JsonNumber limit) : Keyword(name, absoluteLocation)
{
    private readonly long? _integerLimit = limit.SmallInteger;

    public override bool ReadsCurrentTokenOnly => true;

    /// <summary>True when the current number token satisfies the bound.</summary>
    public bool Holds(ref Utf8JsonReader reader)
    {
        var order = JsonNumber.CompareToken(ref reader, limit, _integerLimit);
        return kind switch
        {
            BoundKind.Minimum => order >= 0,
            BoundKind.ExclusiveMinimum => order > 0,
            BoundKind.Maximum => order <= 0,
            _ => order < 0,
        };
    }

    public override bool Evaluate(ref Utf8JsonReader reader, EvalContext context, Evaluated? evaluated)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            return true;
        }
        if (Holds(ref reader))
        {
            return true;
        }
        if (!context.Collecting)
        {
            return false;
        }
        var value = JsonNumber.Read(ref reader);
        return Fail(context, kind switch
        {
            BoundKind.Minimum => $"{value} is less than the minimum {limit}.",
            BoundKind.ExclusiveMinimum => $"{value} must be greater than {limit}.",
            BoundKind.Maximum => $"{value} is greater than the maximum {limit}.",
            _ => $"{value} must be less than {limit}.",
        });
    }
}
