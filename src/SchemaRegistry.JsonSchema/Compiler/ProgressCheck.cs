using SchemaRegistry.JsonSchema.Engine;

namespace SchemaRegistry.JsonSchema.Compiler;

/// <summary>
/// Refuses a schema that can apply itself to the same instance location forever (<c>{"$ref":"#"}</c>, two
/// definitions that reference each other, <c>allOf</c> back to the root): evaluation would only end by running out
/// of stack. A cycle through a keyword that descends into the value (properties, items) makes progress and is fine.
/// </summary>
internal static class ProgressCheck
{
    public static void Run(IEnumerable<SchemaNode> nodes)
    {
        var state = new Dictionary<SchemaNode, bool>(ReferenceEqualityComparer.Instance); // false: on the path; true: done
        foreach (var start in nodes)
        {
            if (state.ContainsKey(start))
            {
                continue;
            }
            var path = new List<SchemaNode> { start };
            var stack = new Stack<IEnumerator<SchemaNode>>();
            state[start] = false;
            stack.Push(Children(start).GetEnumerator());
            while (stack.Count > 0)
            {
                var children = stack.Peek();
                if (!children.MoveNext())
                {
                    stack.Pop();
                    state[path[^1]] = true;
                    path.RemoveAt(path.Count - 1);
                    continue;
                }
                var child = children.Current;
                if (state.TryGetValue(child, out var done))
                {
                    if (!done)
                    {
                        var loop = path.Skip(path.FindIndex(n => ReferenceEquals(n, child))).Append(child).Select(n => n.AbsoluteLocation);
                        throw new SchemaCompileException(
                            "The schema applies itself to the same value without end (a reference loop that reads nothing): " + string.Join(" → ", loop),
                            child.AbsoluteLocation);
                    }
                    continue;
                }
                state[child] = false;
                path.Add(child);
                stack.Push(Children(child).GetEnumerator());
            }
        }
    }

    private static IEnumerable<SchemaNode> Children(SchemaNode node) => node.Keywords.SelectMany(keyword => keyword.InPlaceSubschemas);
}
