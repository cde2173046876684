using System.Globalization;
using System.Text.Json;
using SchemaRegistry.JsonSchema.Engine;

namespace SchemaRegistry.JsonSchema.Keywords;

/// <summary>
/// Every keyword that looks at an array's items, in one walk: prefixItems (or tuple items), items (or
/// additionalItems), contains with minContains/maxContains, unevaluatedItems, minItems and maxItems.
/// </summary>
internal sealed class ArrayKeywords(string absoluteLocation) : Keyword("items", absoluteLocation)
{
    public SchemaNode[] Prefix { get; init; } = [];

    public string PrefixKeyword { get; init; } = "prefixItems";

    public SchemaNode? Rest { get; init; }

    public string RestKeyword { get; init; } = "items";

    public SchemaNode? Contains { get; init; }

    public long MinContains { get; init; } = 1;

    public long? MaxContains { get; init; }

    public SchemaNode? Unevaluated { get; init; }

    public long? MinItems { get; init; }

    public long? MaxItems { get; init; }

    public required string NodeLocation { get; init; }

    public override bool Evaluate(ref Utf8JsonReader reader, EvalContext context, Evaluated? evaluated)
    {
        if (context.Errors is null && evaluated is null && Contains is null && Unevaluated is null)
        {
            return EvaluatePlain(ref reader, context);
        }
        return EvaluateGeneral(ref reader, context, evaluated);
    }

    /// <summary>Items checked in one loop on the boolean path, when no contains or unevaluatedItems needs more.</summary>
    private bool EvaluatePlain(ref Utf8JsonReader reader, EvalContext context)
    {
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var schema = index < Prefix.Length ? Prefix[index] : Rest;
            if (schema is null)
            {
                SchemaNode.SkipValue(ref reader);
            }
            else if (!schema.Evaluate(ref reader, context, null))
            {
                return false;
            }
            index++;
        }
        return (MinItems is not { } min || index >= min) && (MaxItems is not { } max || index <= max);
    }

    private bool EvaluateGeneral(ref Utf8JsonReader reader, EvalContext context, Evaluated? evaluated)
    {
        var valid = true;
        var index = 0;
        long contained = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            context.EnterInstance(index);
            try
            {
                if (Contains is not null)
                {
                    var copy = reader;
                    context.Suspend();
                    try
                    {
                        if (Contains.Evaluate(ref copy, context, null))
                        {
                            contained++;
                            evaluated?.Add(index);
                        }
                    }
                    finally
                    {
                        context.Resume();
                    }
                }
                SchemaNode? schema;
                string keyword;
                if (index < Prefix.Length)
                {
                    (schema, keyword) = (Prefix[index], PrefixKeyword);
                }
                else if (Rest is not null)
                {
                    (schema, keyword) = (Rest, RestKeyword);
                }
                else if (Unevaluated is not null && evaluated?.Contains(index) != true)
                {
                    (schema, keyword) = (Unevaluated, "unevaluatedItems");
                }
                else
                {
                    (schema, keyword) = (null, "");
                }
                if (schema is null)
                {
                    SchemaNode.SkipValue(ref reader);
                }
                else
                {
                    evaluated?.Add(index);
                    var ok = index < Prefix.Length
                        ? Apply(schema, ref reader, context, null, keyword, index.ToString(CultureInfo.InvariantCulture))
                        : Apply(schema, ref reader, context, null, keyword);
                    if (!ok)
                    {
                        valid = false;
                        if (!context.Collecting)
                        {
                            return false;
                        }
                    }
                }
            }
            finally
            {
                context.ExitInstance();
            }
            index++;
        }
        if (Contains is not null)
        {
            if (contained < MinContains)
            {
                valid = false;
                context.FailAt(NodeLocation, "contains", $"{contained} items match the 'contains' schema; at least {MinContains} must.");
            }
            if (MaxContains is { } max && contained > max)
            {
                valid = false;
                context.FailAt(NodeLocation, "maxContains", $"{contained} items match the 'contains' schema; at most {max} may.");
            }
        }
        if (MinItems is { } min && index < min)
        {
            valid = false;
            context.FailAt(NodeLocation, "minItems", $"The array has {index} items; at least {min} are required.");
        }
        if (MaxItems is { } maxItems && index > maxItems)
        {
            valid = false;
            context.FailAt(NodeLocation, "maxItems", $"The array has {index} items; at most {maxItems} are allowed.");
        }
        return valid;
    }
}
