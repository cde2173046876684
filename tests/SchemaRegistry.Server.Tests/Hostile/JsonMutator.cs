using System.Text;
using System.Text.Json.Nodes;

namespace SchemaRegistry.Server.Tests.Hostile;

/// <summary>
/// Mutates a valid request body into a likely invalid one: byte-level damage (flips, cuts, repeats, stray tokens)
/// and structural damage (a member's value replaced by a hostile value, a member dropped or added). Deterministic for
/// a given <see cref="Random"/>.
/// </summary>
public sealed class JsonMutator(Random random)
{
    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u0000", "\\ud800", "\\udc00", "null", "true", "-0", "1e999", "-1e999",
        "0.0000000000000000000000001", "18446744073709551616", "NaN", "Infinity", "/*", "//", "\u0000", "\u00A0", "\uFEFF", "\t", "\r\n",
    ];

    private static readonly string[] Values =
    [
        "null", "true", "0", "-1", "2147483648", "-9223372036854775809", "1e400", "1.5", "\"\"", "{}", "[]", "[[]]", "{\"a\":{}}",
        "\"..\"", "\"../../etc/passwd\"", "\"finance.gdp.invoice:v1.0\"", "\"finance.gdp.invoice:latest\"", "\"\\u0000\"", "\"\\ud800\"",
        "\"finance.gdp.inv\u043Eice:v1.0\"", "\"" + new string('x', 5000) + "\"", "\"2026-13-45T99:99:99Z\"", "\"http://127.0.0.1:1/\"",
        "\"schema-admin\"", "\"FULL_TRANSITIVE\"", "\"failed\"", "{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#\"}}}",
        new string('[', 200) + new string(']', 200),
    ];

    public string Mutate(string json)
    {
        var text = json;
        var rounds = 1 + random.Next(3);
        for (var i = 0; i < rounds; i++)
        {
            text = random.Next(7) switch
            {
                0 => Flip(text),
                1 => Cut(text),
                2 => Repeat(text),
                3 => Insert(text, Tokens[random.Next(Tokens.Length)]),
                _ => Structural(text) ?? Insert(text, Tokens[random.Next(Tokens.Length)]),
            };
        }
        return text;
    }

    private string Flip(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }
        var chars = text.ToCharArray();
        chars[random.Next(chars.Length)] = (char)random.Next(0x20, 0x7F);
        return new string(chars);
    }

    private string Cut(string text)
    {
        if (text.Length < 2)
        {
            return "";
        }
        var start = random.Next(text.Length);
        var length = random.Next(1, Math.Min(16, text.Length - start) + 1);
        return text.Remove(start, length);
    }

    private string Repeat(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }
        var start = random.Next(text.Length);
        var length = random.Next(1, Math.Min(32, text.Length - start) + 1);
        var part = text.Substring(start, length);
        return text.Insert(start, string.Concat(Enumerable.Repeat(part, 1 + random.Next(4))));
    }

    private string Insert(string text, string token) => text.Insert(random.Next(text.Length + 1), token);

    /// <summary>Replaces, drops or adds a member somewhere in the document; null when the text no longer parses.</summary>
    private string? Structural(string text)
    {
        try
        {
            return Restructure(JsonNode.Parse(text));
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
        {
            return null; // not JSON any more, a repeated member name or a lone surrogate (which JsonNode refuses when read)
        }
    }

    private string? Restructure(JsonNode? root)
    {
        var objects = new List<JsonObject>();
        Collect(root, objects);
        if (objects.Count == 0)
        {
            return null;
        }
        var target = objects[random.Next(objects.Count)];
        var names = target.Select(member => member.Key).ToList();
        var value = Values[random.Next(Values.Length)];
        var action = random.Next(3);
        if (action == 0 && names.Count > 0)
        {
            target.Remove(names[random.Next(names.Count)]);
            return root!.ToJsonString();
        }
        // Hostile values are spliced in as text: some (1e400, lone surrogates) cannot be held by a JsonNode.
        var name = action == 1 && names.Count > 0 ? names[random.Next(names.Count)] : "x" + random.Next(100);
        const string marker = "\"fuzz-marker-7f3a\"";
        target[name] = "fuzz-marker-7f3a";
        return root!.ToJsonString().Replace(marker, value, StringComparison.Ordinal);
    }

    private static void Collect(JsonNode? node, List<JsonObject> objects)
    {
        switch (node)
        {
            case JsonObject obj:
                objects.Add(obj);
                foreach (var (_, child) in obj)
                {
                    Collect(child, objects);
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Collect(child, objects);
                }
                break;
        }
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
