using System.Text.Json;

namespace SchemaRegistry.JsonSchema.Engine;

/// <summary>
/// One compiled keyword. It receives the reader on the first token of the instance value (a copy, unless it is the
/// node's consuming keyword) and returns whether the instance satisfies it.
/// </summary>
internal abstract class Keyword(string name, string absoluteLocation)
{
    public string Name { get; } = name;

    /// <summary>Absolute URI of the keyword in its schema resource (for "basic" output).</summary>
    public string AbsoluteLocation { get; } = absoluteLocation;

    /// <summary>
    /// True for keywords that only look at the current token and never move the reader (type, bounds, length,
    /// pattern, format): they get the reader itself instead of a copy.
    /// </summary>
    public virtual bool ReadsCurrentTokenOnly => false;

    /// <summary>
    /// True for keywords that hand the reader to one subschema which reads the whole value ($ref and its dynamic
    /// forms). When nothing else walks a container, such a keyword gets the real reader and the value is read once.
    /// </summary>
    public virtual bool ConsumesValue => false;

    /// <summary>Subschemas applied to the same instance location (no descent into the value): a cycle of these never ends.</summary>
    public virtual IEnumerable<SchemaNode> InPlaceSubschemas => [];

    public abstract bool Evaluate(ref Utf8JsonReader reader, EvalContext context, Evaluated? evaluated);

    protected bool Fail(EvalContext context, string message)
    {
        context.Fail(Name, AbsoluteLocation, message);
        return false;
    }

    protected bool Fail(EvalContext context, [System.Runtime.CompilerServices.InterpolatedStringHandlerArgument(nameof(context))] ref MessageHandler message)
    {
        if (context.Collecting)
        {
            context.Fail(Name, AbsoluteLocation, message.ToStringAndClear());
        }
        return false;
    }

    /// <summary>Evaluates <paramref name="node"/> under the keyword path segments given (kept only in output mode).</summary>
    protected static bool Apply(SchemaNode node, ref Utf8JsonReader reader, EvalContext context, Evaluated? evaluated, string segment, string? second = null)
    {
        if (context.Errors is null)
        {
            return node.Evaluate(ref reader, context, evaluated);
        }
        context.EnterKeyword(segment);
        if (second is not null)
        {
            context.EnterKeyword(second);
        }
        try
        {
            return node.Evaluate(ref reader, context, evaluated);
        }
        finally
        {
            if (second is not null)
            {
                context.ExitKeyword();
            }
            context.ExitKeyword();
        }
    }
}
