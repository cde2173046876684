using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;
using SchemaRegistry.Core.Security;

namespace SchemaRegistry.Core.Documents;

/// <summary>
/// The one spelling of each enum on the wire and in the database. The spelling is declared on the member
/// (<see cref="JsonStringEnumMemberNameAttribute"/>), never derived from its C# name, so renaming a member cannot change
/// a stored row or a message; a member without one is refused the first time its enum is used here.
/// </summary>
public static class WireNames
{
    public static string Of<T>(T value) where T : struct, Enum =>
        Table<T>.Names.TryGetValue(value, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a {typeof(T).Name}.");

    /// <summary>Exact, case-sensitive: what was written by <see cref="Of{T}"/> reads back as the same member.</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum =>
        Table<T>.Values.TryGetValue(text ?? "", out value);

    /// <summary>For names a person types (request fields, CLI options), where the case does not matter.</summary>
    public static bool TryParseIgnoringCase<T>(string? text, out T value) where T : struct, Enum =>
        Table<T>.ValuesIgnoringCase.TryGetValue(text ?? "", out value);

    public static T Parse<T>(string text) where T : struct, Enum =>
        TryParse(text, out T value) ? value : throw new FormatException($"Unknown {typeof(T).Name} '{text}'.");

    /// <summary>Every wire name of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Table<T>.All;

    public static IEnumerable<string> AllModes => All<CompatibilityMode>();
    public static IEnumerable<string> AllRoles => All<Role>();

    public static SchemaState ParseState(string text) => Parse<SchemaState>(text);
    public static CompatibilityMode ParseMode(string text) => Parse<CompatibilityMode>(text);
    public static Role ParseRole(string text) => Parse<Role>(text);

    private static class Table<T> where T : struct, Enum
    {
        public static readonly IReadOnlyList<string> All;
        public static readonly FrozenDictionary<T, string> Names;
        public static readonly FrozenDictionary<string, T> Values;
        public static readonly FrozenDictionary<string, T> ValuesIgnoringCase;

        static Table()
        {
            var pairs = new List<(T Value, string Name)>();
            foreach (var field in typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var name = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                    ?? throw new InvalidOperationException($"{typeof(T).Name}.{field.Name} has no wire name ([JsonStringEnumMemberName]).");
                pairs.Add(((T)field.GetValue(null)!, name));
            }
            All = pairs.Select(p => p.Name).ToList();
            Names = pairs.ToFrozenDictionary(p => p.Value, p => p.Name);
            Values = pairs.ToFrozenDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
            ValuesIgnoringCase = pairs.ToFrozenDictionary(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase);
        }
    }
}
