using System.Globalization;

namespace SchemaRegistry.Bench;

/// <summary>Options of one subcommand, written <c>--name value</c>.</summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, string> values;
    private readonly HashSet<string> read = new(StringComparer.Ordinal);

    private CommandArguments(Dictionary<string, string> values) => this.values = values;

    public static CommandArguments Parse(ReadOnlySpan<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || args[i].Length == 2)
            {
                throw new ArgumentException($"Expected an option such as --data, found '{args[i]}'.");
            }
            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"Option {args[i]} needs a value.");
            }
            values[args[i][2..]] = args[++i];
        }
        return new CommandArguments(values);
    }

    public string Required(string name) =>
        Optional(name) ?? throw new ArgumentException($"Option --{name} is required.");

    public string? Optional(string name)
    {
        read.Add(name);
        return values.GetValueOrDefault(name);
    }

    public string Optional(string name, string defaultValue) => Optional(name) ?? defaultValue;

    public int Int(string name, int defaultValue, int minimum)
    {
        var text = Optional(name);
        if (text is null)
        {
            return defaultValue;
        }
        if (!int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < minimum)
        {
            throw new ArgumentException($"Option --{name} must be an integer of at least {minimum}, not '{text}'.");
        }
        return value;
    }

    /// <summary>Fails on options the command never asked for, so a typo does not silently fall back to a default.</summary>
    public void RejectUnknown()
    {
        var unknown = values.Keys.Where(k => !read.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}.");
        }
    }
}
