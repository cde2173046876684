using System.Text.Json;

namespace SchemaRegistry.Core.Compatibility.Inclusion;

internal sealed partial class InclusionChecker
{
    private static readonly Norm AnyString = new([StringAtom.Any]);

    private Outcome Arrays(ArrayAtom x, ArrayAtom y)
    {
        if (x.MinItems < y.MinItems || (y.MaxItems is { } max && !(x.MaxItems is { } own && own <= max)))
        {
            return Outcome.No("the array length range of the one side extends beyond the other's");
        }
        if (y.Unique && !x.Unique && !(x.MaxItems is { } most && most <= 1))
        {
            return Outcome.No("one side requires unique items, the other allows duplicates");
        }
        var positions = Math.Max(x.Prefix.Count, y.Prefix.Count);
        for (var i = 0; i < positions && !(x.MaxItems is { } m && i >= m); i++)
        {
            var item = Includes(x.Item(i).Value, y.Item(i).Value);
            if (!item.Holds)
            {
                return Outcome.No($"item {i}: {item.Reason}");
            }
        }
        if (!(x.MaxItems is { } limit && limit <= positions))
        {
            var rest = Includes(x.Items.Value, y.Items.Value);
            if (!rest.Holds)
            {
                return Outcome.No($"items: {rest.Reason}");
            }
        }
        foreach (var rule in y.Contains)
        {
            if (!ContainsHolds(x, rule))
            {
                return Outcome.No("the 'contains' rule of the one side is not guaranteed by the other");
            }
        }
        return Outcome.Yes;
    }

    private bool ContainsHolds(ArrayAtom x, ContainsRule rule)
    {
        if (rule.Min == 0 && rule.Max is null)
        {
            return true;
        }
        foreach (var own in x.Contains)
        {
            var narrower = Includes(own.Schema.Value, rule.Schema.Value).Holds;
            if (rule.Max is null && narrower && own.Min >= rule.Min)
            {
                return true;
            }
            if (rule.Max is { } max && own.Max is { } ownMax && ownMax <= max && own.Min >= rule.Min
                && narrower && Includes(rule.Schema.Value, own.Schema.Value).Holds)
            {
                return true;
            }
        }
        // Every item of the array matches: the count is the length.
        var every = Enumerable.Range(0, x.Prefix.Count).All(i => Includes(x.Prefix[i].Value, rule.Schema.Value).Holds)
            && Includes(x.Items.Value, rule.Schema.Value).Holds;
        return every && x.MinItems >= rule.Min && (rule.Max is not { } cap || (x.MaxItems is { } length && length <= cap));
    }

    private Outcome Objects(ObjectAtom x, ObjectAtom y)
    {
        if (y.Required.FirstOrDefault(r => !x.Required.Contains(r)) is { } missing)
        {
            return Outcome.No($"'{missing}' is required by one side only");
        }
        if (Math.Max(x.MinProperties, x.Required.Count) < y.MinProperties || (y.MaxProperties is { } max && !(x.MaxProperties is { } ownMax && ownMax <= max)))
        {
            return Outcome.No("the property count range of the one side extends beyond the other's");
        }
        var finiteNames = FiniteNames(x);
        var names = x.Properties.Keys.Concat(y.Properties.Keys).Concat(x.Required).Concat(y.DependentRequired.Keys)
            .Concat(y.DependentRequired.Values.SelectMany(v => v)).Concat(y.DependentSchemas.Keys).Concat(finiteNames ?? [])
            .Distinct(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (x.MemberSchema(name) is not { } own || y.MemberSchema(name) is not { } other)
            {
                return Outcome.No($"a patternProperties pattern could not be run on '{name}'");
            }
            var member = finiteNames is not null && !finiteNames.Contains(name) ? Outcome.Yes : Includes(own, other);
            if (!member.Holds)
            {
                return Outcome.No($"property '{name}': {member.Reason}");
            }
        }
        if (finiteNames is null && UndeclaredNames(x, y) is { } undeclared)
        {
            return undeclared;
        }
        if (y.PropertyNames is { } allowed && !NamesAllowed(x, allowed.Value, finiteNames))
        {
            return Outcome.No("the 'propertyNames' rule of the one side admits fewer names than the other side allows");
        }
        foreach (var (name, needed) in y.DependentRequired)
        {
            if (x.MemberSchema(name) is { IsEmpty: true })
            {
                continue;
            }
            var implied = x.DependentRequired.TryGetValue(name, out var d) ? d : new HashSet<string>();
            if (needed.FirstOrDefault(n => !x.Required.Contains(n) && !implied.Contains(n)) is { } absent)
            {
                return Outcome.No($"one side requires '{absent}' whenever '{name}' is present, the other does not");
            }
        }
        foreach (var (name, schema) in y.DependentSchemas)
        {
            if (x.MemberSchema(name) is { IsEmpty: true })
            {
                continue;
            }
            var present = new Norm([x with { Required = x.Required.Append(name).ToHashSet(StringComparer.Ordinal), DependentSchemas = new Dictionary<string, Lazy<Norm>>() }]);
            if (x.DependentSchemas.TryGetValue(name, out var ownSchema))
            {
                present = Intersection.Of(present, ownSchema.Value);
            }
            var dependent = Includes(present, schema.Value);
            if (!dependent.Holds)
            {
                return Outcome.No($"the schema that applies when '{name}' is present: {dependent.Reason}");
            }
        }
        return Outcome.Yes;
    }

    /// <summary>The only names an object may have, when its <c>propertyNames</c> is a list of strings.</summary>
    private static HashSet<string>? FiniteNames(ObjectAtom x)
    {
        if (x.PropertyNames?.Value is not { } names || names.Atoms.Any(a => a is not ConstAtom && (a.Kinds & ValueKinds.String) != 0))
        {
            return null;
        }
        return names.Atoms.OfType<ConstAtom>().Where(c => c.Value.ValueKind == JsonValueKind.String).Select(c => c.Value.GetString()!).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Names neither side declares fall under patternProperties or additionalProperties. For each class of such
    /// names on the other side, every class of this side that can share a name must be included in it.
    /// </summary>
    private Outcome? UndeclaredNames(ObjectAtom x, ObjectAtom y)
    {
        var xClasses = x.Patterns.Select(p => (Pattern: (string?)p.Pattern, p.Schema)).Append((null, x.Additional)).ToList();
        foreach (var (pattern, schema) in y.Patterns.Select(p => ((string?)p.Pattern, p.Schema)).Append((null, y.Additional)))
        {
            if (ReferenceEquals(schema, LazyNorm.Top))
            {
                continue;
            }
            IEnumerable<(string? Pattern, Lazy<Norm> Schema)> sharing = pattern is not null && xClasses.Any(c => c.Pattern == pattern)
                ? xClasses.Where(c => c.Pattern == pattern)
                : pattern is null
                    ? xClasses.Where(c => c.Pattern is null || !y.Patterns.Any(q => q.Pattern == c.Pattern))
                    : xClasses;
            foreach (var (own, ownSchema) in sharing)
            {
                var outcome = Includes(ownSchema.Value, schema.Value);
                if (!outcome.Holds)
                {
                    var theirs = pattern is null ? "undeclared properties" : $"properties matching {JsonSerializer.Serialize(pattern)}";
                    var mine = own is null ? "additionalProperties" : $"patternProperties {JsonSerializer.Serialize(own)}";
                    return Outcome.No($"{theirs} (against {mine}): {outcome.Reason}");
                }
            }
        }
        return null;
    }

    private bool NamesAllowed(ObjectAtom x, Norm allowed, HashSet<string>? finiteNames)
    {
        if (x.PropertyNames is { } own && Includes(Intersection.Of(own.Value, AnyString), allowed).Holds)
        {
            return true;
        }
        if (finiteNames is null && (x.Patterns.Count > 0 || !x.Additional.Value.IsEmpty))
        {
            return false;
        }
        var possible = finiteNames ?? x.Properties.Keys.ToHashSet(StringComparer.Ordinal);
        return possible.All(name => x.MemberSchema(name) is { IsEmpty: true }
            || Membership.Of(allowed, SchemaJson.Parse(JsonSerializer.Serialize(name))) == true);
    }
}
