using System.Text.Json;

namespace SchemaRegistry.JsonSchema.Engine;

/// <summary>
/// A compiled (sub)schema. Its keywords each see a copy of the reader; at most one consuming keyword per instance
/// type (the object or array keywords) walks the value with the real reader, so a document is read once however
/// deep its schema goes; otherwise the value is skipped.
/// </summary>
internal sealed class SchemaNode(string absoluteLocation)
{
    public string AbsoluteLocation { get; } = absoluteLocation;

    /// <summary>For <c>true</c>/<c>false</c> schemas.</summary>
    public bool? Constant { get; set; }

    /// <summary>Sorts the compiled keywords into those that read only the current token and those that need a reader copy.</summary>
    public void SetKeywords(IReadOnlyList<Keyword> keywords)
    {
        _scalar = keywords.Where(k => k.ReadsCurrentTokenOnly).ToArray();
        _copying = keywords.Where(k => !k.ReadsCurrentTokenOnly).ToArray();
        // One reference-following keyword can read the value itself when no object/array keywords do.
        _consumingIndex = Array.FindLastIndex(_copying, k => k.ConsumesValue);
    }

    public IEnumerable<Keyword> Keywords => _scalar.Concat(_copying);

    private Keyword[] _scalar = [];
    private Keyword[] _copying = [];
    private int _consumingIndex = -1;

    public Keyword? ObjectConsumer { get; set; }

    public Keyword? ArrayConsumer { get; set; }

    /// <summary>The resource this schema belongs to (entered into the dynamic scope when evaluation arrives here).</summary>
    public ResourceScope? Resource { get; set; }

    /// <summary>True when the node itself needs its applicators' annotations (it has unevaluatedProperties/Items).</summary>
    public bool UsesAnnotations { get; set; }

    /// <summary>Set once compilation is complete: a node with only token-level keywords needs none of the machinery.</summary>
    public void Seal()
    {
        _leaf = Constant is null && _copying.Length == 0 && ObjectConsumer is null && ArrayConsumer is null && !UsesAnnotations;
        _program = _leaf ? LeafProgram.Create(_scalar) : null;
    }

    private bool _leaf;
    private LeafProgram? _program;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool Evaluate(ref Utf8JsonReader reader, EvalContext context, Evaluated? evaluated)
    {
        if (_program is not null && context.Errors is null)
        {
            // Fast path: no subschemas, so no recursion, dynamic scope or annotations to manage.
            if (!_program.Evaluate(ref reader, context))
            {
                return false;
            }
            SkipValue(ref reader);
            return true;
        }
        return EvaluateFull(ref reader, context, evaluated);
    }

    private bool EvaluateFull(ref Utf8JsonReader reader, EvalContext context, Evaluated? evaluated)
    {
        if (Constant is { } constant)
        {
            if (!constant)
            {
                context.Fail("", AbsoluteLocation, "No value is allowed here (the schema is false).");
            }
            SkipValue(ref reader);
            return constant;
        }
        context.EnterNode();
        var entered = Resource is not null && !ReferenceEquals(context.CurrentResource, Resource);
        if (entered)
        {
            context.PushResource(Resource!);
        }
        try
        {
            return EvaluateKeywords(ref reader, context, evaluated);
        }
        finally
        {
            if (entered)
            {
                context.PopResource();
            }
            context.ExitNode();
        }
    }

    private bool EvaluateKeywords(ref Utf8JsonReader reader, EvalContext context, Evaluated? evaluated)
    {
        var collecting = context.Collecting;
        var local = UsesAnnotations || evaluated is not null ? new Evaluated() : null;
        var valid = true;
        foreach (var keyword in _scalar)
        {
            if (!keyword.Evaluate(ref reader, context, local))
            {
                valid = false;
                if (!collecting)
                {
                    return false;
                }
            }
        }
        var consumer = reader.TokenType switch
        {
            JsonTokenType.StartObject => ObjectConsumer,
            JsonTokenType.StartArray => ArrayConsumer,
            _ => null,
        };
        var delegated = consumer is null ? _consumingIndex : -1;
        for (var i = 0; i < _copying.Length; i++)
        {
            if (i == delegated)
            {
                continue;
            }
            var copy = reader;
            if (!_copying[i].Evaluate(ref copy, context, local))
            {
                valid = false;
                if (!collecting)
                {
                    return false;
                }
            }
        }
        if (delegated >= 0)
        {
            if (!_copying[delegated].Evaluate(ref reader, context, local))
            {
                valid = false;
                if (!collecting)
                {
                    return false;
                }
            }
        }
        else if (consumer is null)
        {
            SkipValue(ref reader);
        }
        else if (!consumer.Evaluate(ref reader, context, local))
        {
            valid = false;
            if (!collecting)
            {
                return false;
            }
        }
        if (valid && evaluated is not null)
        {
            evaluated.UnionWith(local!);
        }
        return valid;
    }

    public static void SkipValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
        }
    }
}
