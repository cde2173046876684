using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SchemaRegistry.JsonSchema.Engine;

namespace SchemaRegistry.JsonSchema.Keywords;

/// <summary>
/// Every keyword that looks at an object's members, evaluated in one walk over the object: properties,
/// patternProperties, additionalProperties, unevaluatedProperties, propertyNames, required, dependentRequired,
/// minProperties and maxProperties.
/// </summary>
internal sealed class ObjectKeywords(string absoluteLocation) : Keyword("properties", absoluteLocation)
{
    public required Utf8NameTable Names { get; init; }

    /// <summary>Per name slot: the property's schema (or null when the name is only required or a dependency).</summary>
    public required SchemaNode?[] Properties { get; init; }

    public required string[] SlotNames { get; init; }

    public (string Pattern, Regex Regex, Patterns.Utf8PatternMatcher? Matcher, SchemaNode Schema)[] Patterns { get; init; } = [];

    public SchemaNode? Additional { get; init; }

    public SchemaNode? Unevaluated { get; init; }

    public SchemaNode? PropertyNames { get; init; }

    /// <summary>Slots of required names.</summary>
    public int[] Required { get; init; } = [];

    /// <summary>Trigger slot and the slots that must then be present.</summary>
    public (int Trigger, int[] Required, string Keyword)[] DependentRequired { get; init; } = [];

    public long? MinProperties { get; init; }

    public long? MaxProperties { get; init; }

    public required string NodeLocation { get; init; }

    /// <summary>Per slot: true when the name is required (lets the presence check count instead of scan).</summary>
    private bool[]? _requiredSlots;

    public override bool Evaluate(ref Utf8JsonReader reader, EvalContext context, Evaluated? evaluated)
    {
        if (context.Errors is null && evaluated is null && PropertyNames is null && Patterns.Length == 0 && Unevaluated is null)
        {
            return EvaluatePlain(ref reader, context);
        }
        return EvaluateGeneral(ref reader, context, evaluated);
    }

    /// <summary>
    /// The common shape (declared properties, maybe additionalProperties, required, counts) on the boolean path:
    /// one tight loop, each value handed straight to its schema.
    /// </summary>
    private bool EvaluatePlain(ref Utf8JsonReader reader, EvalContext context)
    {
        var slots = Names.Count;
        Span<bool> present = slots <= 128 ? stackalloc bool[slots] : new bool[slots];
        present.Clear();
        var required = _requiredSlots ??= RequiredSlots();
        var requiredSeen = 0;
        var count = 0;
        var previous = -1;
        Span<byte> buffer = stackalloc byte[256];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int slot;
            if (!reader.ValueIsEscaped)
            {
                slot = Names.FindAfter(previous, reader.ValueSpan);
            }
            else
            {
                scoped ReadOnlySpan<byte> name = reader.ValueSpan.Length <= buffer.Length ? buffer[..reader.CopyString(buffer)] : Encoding.UTF8.GetBytes(reader.GetString()!);
                slot = Names.FindAfter(previous, name);
            }
            previous = slot;
            reader.Read();
            SchemaNode? schema;
            if (slot >= 0)
            {
                if (!present[slot])
                {
                    present[slot] = true;
                    requiredSeen += required[slot] ? 1 : 0;
                }
                schema = Properties[slot] ?? Additional;
            }
            else
            {
                schema = Additional;
            }
            if (schema is null)
            {
                SchemaNode.SkipValue(ref reader);
            }
            else if (!schema.Evaluate(ref reader, context, null))
            {
                return false;
            }
            count++;
        }
        if (requiredSeen != Required.Length || DependentRequired.Length > 0)
        {
            return CheckPresence(context, present, count);
        }
        return (MinProperties is not { } min || count >= min) && (MaxProperties is not { } max || count <= max);
    }

    private bool[] RequiredSlots()
    {
        var slots = new bool[Names.Count];
        foreach (var slot in Required)
        {
            slots[slot] = true;
        }
        return slots;
    }

    private bool EvaluateGeneral(ref Utf8JsonReader reader, EvalContext context, Evaluated? evaluated)
    {
        var collecting = context.Collecting;
        var valid = true;
        var slots = Names.Count;
        Span<bool> present = slots <= 128 ? stackalloc bool[slots] : new bool[slots];
        present.Clear();
        Span<byte> scratch = stackalloc byte[256];
        var ordinal = 0;
        var previous = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            byte[]? rented = null;
            scoped ReadOnlySpan<byte> name;
            if (!reader.ValueIsEscaped)
            {
                name = reader.ValueSpan;
            }
            else
            {
                var length = reader.ValueSpan.Length;
                var buffer = length <= scratch.Length ? scratch : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(length));
                name = buffer[..reader.CopyString(buffer)];
            }
            var slot = Names.FindAfter(previous, name);
            previous = slot;
            string? nameText = null;
            if (slot >= 0)
            {
                present[slot] = true;
            }
            if (PropertyNames is not null)
            {
                var nameReader = reader;
                context.EnterInstance(nameText ??= Encoding.UTF8.GetString(name));
                var ok = Apply(PropertyNames, ref nameReader, context, null, "propertyNames");
                context.ExitInstance();
                if (!ok)
                {
                    valid = false;
                    if (!collecting)
                    {
                        Return(rented);
                        return false;
                    }
                }
            }
            var matchedPatterns = Patterns.Length == 0 ? 0UL : MatchPatterns(name);
            Return(rented);
            reader.Read();

            if (context.Errors is not null)
            {
                nameText ??= Encoding.UTF8.GetString(name);
            }
            if (!EvaluateMember(ref reader, context, evaluated, slot, matchedPatterns, ordinal, nameText))
            {
                valid = false;
                if (!collecting)
                {
                    return false;
                }
            }
            ordinal++;
        }
        return CheckPresence(context, present, ordinal) && valid;
    }

    private bool EvaluateMember(ref Utf8JsonReader reader, EvalContext context, Evaluated? evaluated, int slot, ulong patterns, int ordinal, string? name)
    {
        if (name is null && patterns == 0 && evaluated is null && slot >= 0 && Properties[slot] is { } only)
        {
            // The common case: one declared property, nothing else applies.
            return only.Evaluate(ref reader, context, null);
        }
        if (name is null)
        {
            return EvaluateMemberCore(ref reader, context, evaluated, slot, patterns, ordinal);
        }
        context.EnterInstance(name);
        try
        {
            return EvaluateMemberCore(ref reader, context, evaluated, slot, patterns, ordinal);
        }
        finally
        {
            context.ExitInstance();
        }
    }

    private bool EvaluateMemberCore(ref Utf8JsonReader reader, EvalContext context, Evaluated? evaluated, int slot, ulong patterns, int ordinal)
    {
        var property = slot >= 0 ? Properties[slot] : null;
        var applies = (property is not null ? 1 : 0) + System.Numerics.BitOperations.PopCount(patterns);
        SchemaNode? rest = null;
        var restKeyword = "";
        if (applies == 0)
        {
            if (Additional is not null)
            {
                (rest, restKeyword) = (Additional, "additionalProperties");
            }
            else if (Unevaluated is not null && evaluated?.Contains(ordinal) != true)
            {
                (rest, restKeyword) = (Unevaluated, "unevaluatedProperties");
            }
        }
        if (applies > 0 || rest is not null)
        {
            evaluated?.Add(ordinal);
        }
        {
            var valid = true;
            var remaining = applies + (rest is null ? 0 : 1);
            if (remaining == 0)
            {
                SchemaNode.SkipValue(ref reader);
                return true;
            }
            if (property is not null)
            {
                valid &= Run(property, ref reader, context, --remaining == 0, "properties", SlotNames[slot]);
                if (!valid && !context.Collecting)
                {
                    return false;
                }
            }
            for (var i = 0; i < Patterns.Length && patterns != 0; i++)
            {
                if ((patterns & (1UL << i)) == 0)
                {
                    continue;
                }
                valid &= Run(Patterns[i].Schema, ref reader, context, --remaining == 0, "patternProperties", Patterns[i].Pattern);
                if (!valid && !context.Collecting)
                {
                    return false;
                }
            }
            if (rest is not null)
            {
                valid &= Run(rest, ref reader, context, true, restKeyword, null);
            }
            return valid;
        }
    }

    /// <summary>The last schema to apply consumes the value; the others read a copy.</summary>
    private static bool Run(SchemaNode schema, ref Utf8JsonReader reader, EvalContext context, bool last, string keyword, string? name)
    {
        if (last)
        {
            return Apply(schema, ref reader, context, null, keyword, name);
        }
        var copy = reader;
        return Apply(schema, ref copy, context, null, keyword, name);
    }

    private ulong MatchPatterns(ReadOnlySpan<byte> name)
    {
        var matched = 0UL;
        for (var i = 0; i < Patterns.Length; i++)
        {
            if (Patterns[i].Matcher is { } matcher ? matcher.IsMatch(name) : RegexMatches(i, name))
            {
                matched |= 1UL << i;
            }
        }
        return matched;
    }

    private bool RegexMatches(int index, ReadOnlySpan<byte> name)
    {
        try
        {
            return Regexes.BoundedMatch.IsMatch(Patterns[index].Regex, Encoding.UTF8.GetString(name));
        }
        catch (RegexMatchTimeoutException)
        {
            throw new EvaluationAbortedException($"Matching the property-name pattern {Patterns[index].Pattern} took too long.");
        }
    }

    private bool CheckPresence(EvalContext context, Span<bool> present, int count)
    {
        var valid = true;
        foreach (var slot in Required)
        {
            if (!present[slot])
            {
                context.FailAt(NodeLocation, "required", $"The required property '{SlotNames[slot]}' is missing.");
                valid = false;
                if (!context.Collecting)
                {
                    return false;
                }
            }
        }
        foreach (var (trigger, required, keyword) in DependentRequired)
        {
            if (!present[trigger])
            {
                continue;
            }
            foreach (var slot in required)
            {
                if (!present[slot])
                {
                    context.FailAt(NodeLocation, keyword, $"'{SlotNames[trigger]}' is present, so '{SlotNames[slot]}' is required too.");
                    valid = false;
                    if (!context.Collecting)
                    {
                        return false;
                    }
                }
            }
        }
        if (MinProperties is { } min && count < min)
        {
            valid = false;
            context.FailAt(NodeLocation, "minProperties", $"The object has {count} properties; at least {min} are required.");
        }
        if (MaxProperties is { } max && count > max)
        {
            valid = false;
            context.FailAt(NodeLocation, "maxProperties", $"The object has {count} properties; at most {max} are allowed.");
        }
        return valid;
    }

    private static void Return(byte[]? rented)
    {
        if (rented is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
