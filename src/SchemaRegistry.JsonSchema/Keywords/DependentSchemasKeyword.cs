using System.Text;
using System.Text.Json;
using SchemaRegistry.JsonSchema.Engine;

namespace SchemaRegistry.JsonSchema.Keywords;

/// <summary>dependentSchemas (and draft ≤7 schema-valued dependencies): when a property is present, the whole object must match its schema.</summary>
internal sealed class DependentSchemasKeyword(string name, string absoluteLocation, (string Property, SchemaNode Schema)[] dependencies)
    : Keyword(name, absoluteLocation)
{
    private readonly byte[][] _names = dependencies.Select(d => Encoding.UTF8.GetBytes(d.Property)).ToArray();

    public override bool Evaluate(ref Utf8JsonReader reader, EvalContext context, Evaluated? evaluated)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return true;
        }
        Span<bool> present = dependencies.Length <= 64 ? stackalloc bool[dependencies.Length] : new bool[dependencies.Length];
        present.Clear();
        var scan = reader;
        while (scan.Read() && scan.TokenType == JsonTokenType.PropertyName)
        {
            for (var i = 0; i < _names.Length; i++)
            {
                if (!present[i] && scan.ValueTextEquals(_names[i]))
                {
                    present[i] = true;
                }
            }
            scan.Read();
            SchemaNode.SkipValue(ref scan);
        }
        var valid = true;
        for (var i = 0; i < dependencies.Length; i++)
        {
            if (!present[i])
            {
                continue;
            }
            var copy = reader;
            if (!Apply(dependencies[i].Schema, ref copy, context, evaluated, Name, dependencies[i].Property))
            {
                valid = false;
                if (!context.Collecting)
                {
                    return false;
                }
            }
        }
        return valid;
    }
}
