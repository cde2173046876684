using System.Globalization;
using System.Text.Json;
using SchemaRegistry.JsonSchema.Engine;
using SchemaRegistry.JsonSchema.Regexes;

namespace SchemaRegistry.JsonSchema.Limits;

/// <summary>
/// One pass of <see cref="SchemaLimits"/>: walks the subschemas with an explicit stack, counting them and their
/// keywords and checking patterns, then measures the longest in-place chain (applicators and local references) by
/// an iterative depth-first search over the graph it collected. References that leave the document are not
/// followed: a referenced registry schema passed the same limits when it was registered.
/// </summary>
internal sealed class SchemaLimitWalker(SchemaLimitOptions limits)
{
    private static readonly string[] InPlaceSingle = ["not", "if", "then", "else"];
    private static readonly string[] OtherSingle =
        ["additionalProperties", "unevaluatedProperties", "additionalItems", "unevaluatedItems", "contains", "propertyNames", "contentSchema"];
    private static readonly string[] InPlaceArrays = ["allOf", "anyOf", "oneOf"];
    private static readonly string[] References = ["$ref", "$dynamicRef", "$recursiveRef"];

    private readonly List<string> _pointers = [];
    private readonly List<List<int>?> _edges = [];
    private readonly Dictionary<string, int> _byPointer = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _anchors = new(StringComparer.Ordinal);
    private readonly List<(int From, string Reference, string Base)> _references = [];
    private readonly Stack<(JsonElement Element, string Pointer, int Depth, string Base, int Parent, bool InPlace)> _stack = new();
    private long _keywords;

    public SchemaLimitViolation? Run(JsonElement root)
    {
        _stack.Push((root, "", 0, "", -1, false));
        while (_stack.TryPop(out var item))
        {
            if (Visit(item.Element, item.Pointer, item.Depth, item.Base, item.Parent, item.InPlace) is { } violation)
            {
                return violation;
            }
        }
        ResolveReferences();
        return LongestChain();
    }

    private SchemaLimitViolation? Visit(JsonElement element, string pointer, int depth, string resourceBase, int parent, bool inPlace)
    {
        if (element.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
        {
            return null;
        }
        var id = _pointers.Count;
        if (id >= limits.MaxSubschemas)
        {
            return new SchemaLimitViolation(nameof(limits.MaxSubschemas), pointer,
                $"The schema holds more than {limits.MaxSubschemas:N0} subschemas (MaxSubschemas).");
        }
        if (depth > limits.MaxDepth)
        {
            return new SchemaLimitViolation(nameof(limits.MaxDepth), pointer,
                $"Subschemas are nested more than {limits.MaxDepth} deep at {Show(pointer)} (MaxDepth).");
        }
        _pointers.Add(pointer);
        _edges.Add(null);
        _byPointer[pointer] = id;
        if (parent >= 0 && inPlace)
        {
            (_edges[parent] ??= []).Add(id);
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        resourceBase = Identify(element, pointer, resourceBase, id);
        foreach (var member in element.EnumerateObject())
        {
            if (++_keywords > limits.MaxKeywords)
            {
                return new SchemaLimitViolation(nameof(limits.MaxKeywords), pointer,
                    $"The schema holds more than {limits.MaxKeywords:N0} keywords (MaxKeywords).");
            }
            if (Member(member, pointer, depth, resourceBase, id) is { } violation)
            {
                return violation;
            }
        }
        return null;
    }

    /// <summary>Records the schema's anchors and references; returns the pointer its local references are relative to.</summary>
    private string Identify(JsonElement schema, string pointer, string resourceBase, int id)
    {
        foreach (var idKeyword in (ReadOnlySpan<string>)["$id", "id"])
        {
            if (schema.TryGetProperty(idKeyword, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
            {
                if (text.StartsWith('#'))
                {
                    _anchors[resourceBase + text] = id;
                }
                else
                {
                    resourceBase = pointer;
                }
            }
        }
        foreach (var anchorKeyword in (ReadOnlySpan<string>)["$anchor", "$dynamicAnchor"])
        {
            if (schema.TryGetProperty(anchorKeyword, out var anchor) && anchor.ValueKind == JsonValueKind.String)
            {
                _anchors[resourceBase + "#" + anchor.GetString()] = id;
            }
        }
        foreach (var referenceKeyword in References)
        {
            if (schema.TryGetProperty(referenceKeyword, out var reference) && reference.ValueKind == JsonValueKind.String)
            {
                _references.Add((id, reference.GetString()!, resourceBase));
            }
        }
        return resourceBase;
    }

    private SchemaLimitViolation? Member(JsonProperty member, string pointer, int depth, string resourceBase, int id)
    {
        var name = member.Name;
        var value = member.Value;
        var at = pointer + "/" + JsonPointer.Escape(name);
        if (name == "pattern" && value.ValueKind == JsonValueKind.String)
        {
            return Pattern(value.GetString()!, at);
        }
        if (Array.IndexOf(InPlaceSingle, name) >= 0 || Array.IndexOf(OtherSingle, name) >= 0 || (name == "items" && value.ValueKind != JsonValueKind.Array))
        {
            _stack.Push((value, at, depth + 1, resourceBase, id, Array.IndexOf(InPlaceSingle, name) >= 0));
        }
        else if (value.ValueKind == JsonValueKind.Array && (Array.IndexOf(InPlaceArrays, name) >= 0 || name is "prefixItems" or "items"))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                _stack.Push((item, at + "/" + index.ToString(CultureInfo.InvariantCulture), depth + 1, resourceBase, id, Array.IndexOf(InPlaceArrays, name) >= 0));
                index++;
            }
        }
        else if (value.ValueKind == JsonValueKind.Object && name is "properties" or "patternProperties" or "$defs" or "definitions" or "dependentSchemas" or "dependencies")
        {
            foreach (var entry in value.EnumerateObject())
            {
                if (name == "patternProperties" && Pattern(entry.Name, at + "/" + JsonPointer.Escape(entry.Name)) is { } violation)
                {
                    return violation;
                }
                _stack.Push((entry.Value, at + "/" + JsonPointer.Escape(entry.Name), depth + 1, resourceBase, id, name is "dependentSchemas" or "dependencies"));
            }
        }
        return null;
    }

    private SchemaLimitViolation? Pattern(string pattern, string location)
    {
        if (pattern.Length > limits.MaxPatternLength)
        {
            return new SchemaLimitViolation(nameof(limits.MaxPatternLength), location,
                $"The pattern at {Show(location)} is {pattern.Length:N0} characters long; at most {limits.MaxPatternLength:N0} are allowed (MaxPatternLength).");
        }
        if (limits.AllowBacktrackingPatterns)
        {
            return null;
        }
        bool backtracking;
        try
        {
            backtracking = EcmaPatternTranslator.Translate(pattern).RequiresBacktracking;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null; // Not a usable pattern at all: the compile step says why.
        }
        return backtracking
            ? new SchemaLimitViolation(nameof(limits.AllowBacktrackingPatterns), location,
                $"The pattern {Clip(pattern)} at {Show(location)} needs the backtracking regex engine (a lookaround, a backreference, " +
                "or \\b, \\B or a multiline anchor), which runs under a time limit per value instead of in linear time; " +
                "such patterns are refused unless allowed (AllowBacktrackingPatterns).")
            : null;
    }

    private void ResolveReferences()
    {
        foreach (var (from, reference, resourceBase) in _references)
        {
            if (!reference.StartsWith('#'))
            {
                continue;
            }
            var fragment = Uri.UnescapeDataString(reference[1..]);
            int target;
            var found = fragment.Length == 0 ? _byPointer.TryGetValue(resourceBase, out target)
                : fragment.StartsWith('/') ? _byPointer.TryGetValue(resourceBase + fragment, out target)
                : _anchors.TryGetValue(resourceBase + "#" + fragment, out target);
            if (found)
            {
                (_edges[from] ??= []).Add(target);
            }
        }
    }

    /// <summary>Longest path of in-place edges (a cycle's closing edge is not followed: the compiler refuses loops that make no progress).</summary>
    private SchemaLimitViolation? LongestChain()
    {
        var count = _pointers.Count;
        var state = new byte[count]; // 0 unseen, 1 on the path, 2 done
        var length = new int[count];
        var stack = new Stack<(int Node, int Next)>();
        for (var start = 0; start < count; start++)
        {
            if (state[start] != 0)
            {
                continue;
            }
            state[start] = 1;
            stack.Push((start, 0));
            while (stack.TryPop(out var frame))
            {
                var edges = _edges[frame.Node];
                if (edges is not null && frame.Next < edges.Count)
                {
                    stack.Push((frame.Node, frame.Next + 1));
                    var child = edges[frame.Next];
                    if (state[child] == 0)
                    {
                        state[child] = 1;
                        stack.Push((child, 0));
                    }
                    continue;
                }
                var longest = 0;
                foreach (var child in edges ?? [])
                {
                    if (state[child] == 2)
                    {
                        longest = Math.Max(longest, length[child]);
                    }
                }
                length[frame.Node] = longest + 1;
                state[frame.Node] = 2;
                if (length[frame.Node] > limits.MaxReferenceDepth)
                {
                    return new SchemaLimitViolation(nameof(limits.MaxReferenceDepth), _pointers[frame.Node],
                        $"A chain of more than {limits.MaxReferenceDepth} schemas applied to the same value ($ref, allOf, anyOf, oneOf, not, if/then/else) starts at {Show(_pointers[frame.Node])} (MaxReferenceDepth).");
                }
            }
        }
        return null;
    }

    private static string Show(string pointer) => pointer.Length == 0 ? "the root" : Clip(pointer);

    private static string Clip(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
