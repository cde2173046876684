using System.Text.Json;

namespace SchemaRegistry.Core.Compatibility.Inclusion;

/// <summary>Whether one JSON value belongs to a normal form; null when that cannot be decided (formats, opaque parts).</summary>
internal static class Membership
{
    public static bool? Of(Norm form, JsonElement value)
    {
        var answer = (bool?)false;
        foreach (var atom in form.Atoms)
        {
            switch (Of(atom, value))
            {
                case true:
                    return true;
                case null:
                    answer = null;
                    break;
            }
        }
        return answer;
    }

    public static bool? Of(Atom atom, JsonElement value)
    {
        if ((atom.Kinds & Json.JsonTypes.Of(value)) == 0)
        {
            return false;
        }
        return atom switch
        {
            ConstAtom c => c.Text == SchemaJson.Value(value),
            KindAtom => true,
            NumberAtom n => value.TryGetDecimal(out var d) ? n.Contains(d) : null,
            StringAtom s => Text(s, value),
            ArrayAtom a => Array(a, value),
            ObjectAtom o => Object(o, value),
            OpaqueAtom { Within: { } within } when Of(within, value) == false => false,
            _ => null,
        };
    }

    private static bool? Text(StringAtom atom, JsonElement value)
    {
        var text = value.GetString()!;
        var length = text.EnumerateRunes().Count();
        if (length < atom.MinLength || (atom.MaxLength is { } max && length > max) || atom.Excluded.Contains(SchemaJson.Value(value)))
        {
            return false;
        }
        var answer = (bool?)true;
        foreach (var (pattern, wanted) in atom.Patterns.Select(p => (p, true)).Concat(atom.NotPatterns.Select(p => (p, false))))
        {
            var hit = ObjectAtom.Matches(pattern, text);
            if (hit is null)
            {
                answer = null;
            }
            else if (hit != wanted)
            {
                return false;
            }
        }
        return atom.Formats.Count > 0 ? null : answer;
    }

    private static bool? Array(ArrayAtom atom, JsonElement value)
    {
        var items = value.EnumerateArray().ToList();
        if (items.Count < atom.MinItems || (atom.MaxItems is { } max && items.Count > max))
        {
            return false;
        }
        if (atom.Unique && items.Select(SchemaJson.Value).Distinct(StringComparer.Ordinal).Count() != items.Count)
        {
            return false;
        }
        var answer = (bool?)true;
        for (var i = 0; i < items.Count; i++)
        {
            answer = And(answer, Of(atom.Item(i).Value, items[i]));
            if (answer == false)
            {
                return false;
            }
        }
        foreach (var rule in atom.Contains)
        {
            var verdicts = items.Select(item => Of(rule.Schema.Value, item)).ToList();
            if (verdicts.Contains(null))
            {
                answer = null;
                continue;
            }
            var count = verdicts.Count(v => v == true);
            if (count < rule.Min || (rule.Max is { } most && count > most))
            {
                return false;
            }
        }
        return answer;
    }

    private static bool? Object(ObjectAtom atom, JsonElement value)
    {
        var members = value.EnumerateObject().ToList();
        var names = members.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        if (members.Count < atom.MinProperties || (atom.MaxProperties is { } max && members.Count > max) || !atom.Required.All(names.Contains))
        {
            return false;
        }
        if (atom.DependentRequired.Any(d => names.Contains(d.Key) && !d.Value.All(names.Contains)))
        {
            return false;
        }
        var answer = (bool?)true;
        foreach (var member in members)
        {
            answer = And(answer, atom.MemberSchema(member.Name) is { } schema ? Of(schema, member.Value) : null);
            if (atom.PropertyNames is { } propertyNames)
            {
                answer = And(answer, Of(propertyNames.Value, SchemaJson.Parse(JsonSerializer.Serialize(member.Name))));
            }
            if (answer == false)
            {
                return false;
            }
        }
        foreach (var (name, schema) in atom.DependentSchemas)
        {
            if (names.Contains(name))
            {
                answer = And(answer, Of(schema.Value, value));
            }
        }
        return answer;
    }

    private static bool? And(bool? a, bool? b) => a == false || b == false ? false : a is null || b is null ? null : true;
}
