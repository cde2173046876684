using System.Text.Json;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Formats.Avro;

/// <summary>
/// Parses a schema and the references it needs. References are parsed on demand, before the text that uses them, with
/// an explicit stack instead of recursion: a name that does not resolve pushes the reference defining it and the text
/// is tried again once that reference is parsed, so a cycle is a name already on the stack and a long chain of
/// references costs no call depth. Each text is checked by Apache.Avro (the parser's reason refuses it) and by our
/// model builder (undefined names, field defaults that are not values of their type).
/// </summary>
internal static class AvroSchemaParser
{
    /// <summary>Deeper schemas are refused: every walk over a schema recurses once per level.</summary>
    public const int MaxDepth = 64;

    private const string Main = "the schema";

    private static readonly string OverLimit = $"The schema is nested deeper than {MaxDepth} levels of JSON arrays and objects.";

    public static FormatParse Parse(string text, IReadOnlyDictionary<string, string> references)
    {
        var known = new Dictionary<string, AvroNamed>(StringComparer.Ordinal);
        var avroNames = new global::Avro.SchemaNames();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var pending = new List<string?> { null };
        while (true)
        {
            var key = pending[^1];
            var source = key is null ? text : references[key];
            var where = key is null ? "" : "/references/" + key;
            var outcome = ParseOne(source, known, avroNames);
            if (ReferenceEquals(outcome.Issue, OverLimit))
            {
                return Refuse(ErrorCode.SchemaOverLimit, where, key is null ? OverLimit : $"Reference '{key}': {OverLimit}");
            }
            if (outcome.Issue is { } issue)
            {
                return Refuse(key is null ? ErrorCode.PayloadInvalid : ErrorCode.ReferenceUnresolved, where,
                    key is null ? issue : $"Reference '{key}' is not a valid Avro schema: {issue}");
            }
            if (outcome.Missing is { } missing)
            {
                var target = missing.Candidates.FirstOrDefault(references.ContainsKey);
                if (target is null || done.Contains(target))
                {
                    var reason = target is null
                        ? "it is neither a primitive type nor a named type defined in this schema or given in its references"
                        : $"the reference given for '{target}' does not define it";
                    return Refuse(key is null ? ErrorCode.PayloadInvalid : ErrorCode.ReferenceUnresolved, where,
                        $"{(key is null ? "" : $"Reference '{key}': ")}{missing.Message}: {reason}.");
                }
                if (pending.Contains(target))
                {
                    var chain = pending.Skip(pending.IndexOf(target)).Append(target).Select(k => k ?? Main);
                    return Refuse(ErrorCode.ReferenceUnresolved, where,
                        $"The references form a cycle ({string.Join(" -> ", chain)}); Avro needs a named type defined before it is used across schemas.");
                }
                pending.Add(target);
                continue;
            }
            foreach (var (name, named) in outcome.Builder!.Defined)
            {
                known[name] = named;
            }
            if (key is not null)
            {
                done.Add(key);
                pending.RemoveAt(pending.Count - 1);
                continue;
            }
            if (AvroNesting.Depth(outcome.Root!) > AvroNesting.MaxDepth)
            {
                return Refuse(ErrorCode.SchemaOverLimit, "",
                    $"With its references in place, the schema's types nest deeper than {AvroNesting.MaxDepth} levels.");
            }
            if (FirstBadDefault(outcome.Root!) is { } bad)
            {
                return Refuse(ErrorCode.PayloadInvalid, bad.Path, bad.Message);
            }
            var referenced = new HashSet<string>(known.Keys.Except(outcome.Builder.Defined.Keys), StringComparer.Ordinal);
            return FormatParse.Accepted(new AvroParsedSchema(text, outcome.Avro!, outcome.Root!, referenced));
        }
    }

    private sealed record Outcome(string? Issue, AvroUndefinedNameException? Missing, AvroModelBuilder? Builder, AvroType? Root, global::Avro.Schema? Avro);

    private static Outcome ParseOne(string source, Dictionary<string, AvroNamed> known, global::Avro.SchemaNames avroNames)
    {
        if (Nesting(source) > MaxDepth)
        {
            return new(OverLimit, null, null, null, null);
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(source, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            return new(AvroReason(source, new global::Avro.SchemaNames()) ?? e.Message, null, null, null, null);
        }
        using (document)
        {
            var builder = new AvroModelBuilder(known);
            AvroType root;
            try
            {
                root = builder.Build(document.RootElement, null, "");
            }
            catch (AvroUndefinedNameException e)
            {
                return new(null, e, null, null, null);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                // System.Text.Json will not turn an escaped lone UTF-16 surrogate into a string.
                return new($"The schema contains text JSON cannot represent ({e.Message})", null, null, null, null);
            }
            catch (AvroModelException e)
            {
                // Avro's own reason when it has one; the names its partial parse adds do not matter, the schema is refused.
                return new(AvroReason(source, avroNames) ?? e.Message, null, null, null, null);
            }
            global::Avro.Schema avro;
            try
            {
                avro = global::Avro.Schema.Parse(source, avroNames, null);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return new(Describe(e), null, null, null, null);
            }
            return new(null, null, builder, root, avro);
        }
    }

    /// <summary>The deepest nesting of arrays and objects, strings skipped: the one finding that has its own code.</summary>
    private static int Nesting(string json)
    {
        var (depth, deepest, inString) = (0, 0, false);
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    deepest = Math.Max(deepest, ++depth);
                    break;
                case '}' or ']':
                    depth--;
                    break;
            }
        }
        return deepest;
    }

    private static string? AvroReason(string source, global::Avro.SchemaNames names)
    {
        try
        {
            global::Avro.Schema.Parse(source, names, null);
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Describe(e);
        }
    }

    private static string Describe(Exception e) => e switch
    {
        global::Avro.AvroException or Newtonsoft.Json.JsonException => e.Message,
        _ => $"Apache.Avro could not parse the schema ({e.GetType().Name}: {e.Message}).",
    };

    private static (string Path, string Message)? FirstBadDefault(AvroType root)
    {
        var seen = new HashSet<AvroRecord>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(AvroType Type, AvroPath Path)>();
        stack.Push((root, AvroPath.Root));
        while (stack.Count > 0)
        {
            var (type, path) = stack.Pop();
            switch (type)
            {
                case AvroRecord record when seen.Add(record):
                    foreach (var field in record.Fields)
                    {
                        var at = path.Field(field.Name);
                        if (field.DefaultValue is { } value && !AvroDefaults.IsValid(field.Type, value))
                        {
                            return (at.Then("/default").ToString(), $"The default {field.Default} of field '{field.Name}' is not a value of its type {AvroDescription.Of(field.Type)}.");
                        }
                        stack.Push((field.Type, at));
                    }
                    break;
                case AvroArray array:
                    stack.Push((array.Items, path.Then("/items")));
                    break;
                case AvroMap map:
                    stack.Push((map.Values, path.Then("/values")));
                    break;
                case AvroUnion union:
                    foreach (var branch in union.Branches)
                    {
                        stack.Push((branch, path.Branch(branch)));
                    }
                    break;
            }
        }
        return null;
    }

    private static FormatParse Refuse(string code, string path, string message) => FormatParse.Refused([new Issue(code, path, message)]);
}
