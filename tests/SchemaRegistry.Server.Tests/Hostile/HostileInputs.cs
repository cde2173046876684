using System.Text;
using System.Text.Json;

namespace SchemaRegistry.Server.Tests.Hostile;

/// <summary>The hostile names and bodies the battery sends.</summary>
public static class HostileInputs
{
    /// <summary>Names that must never reach a file path or a query unescaped, nor be mistaken for a real name.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "..",
        "../../etc/passwd",
        "..\\..\\windows\\win.ini",
        "/etc/passwd",
        "finance.gdp.invoice:v1.0/..",
        "finance.gdp.invoice:v1.0/../../x",
        "finance.gdp.invoice%2Fv1.0",
        "\0",
        "finance.gdp.inv\0oice:v1.0",
        "finance.gdp.inv\u043Eice:v1.0", // Cyrillic о
        "\uFF46inance.gdp.invoice:v1.0", // fullwidth f
        "finance.gdp.invoice:v1.0\u200B", // zero-width space
        "finance.gdp.invoice:v1.0' OR '1'='1",
        "finance.gdp.invoice:v1.0\"; DROP TABLE schema_versions; --",
        "finance.gdp.invoice:v1.0\r\nX-Injected: 1",
        "\u202Eexe.gdp.invoice:v1.0",
        "${jndi:ldap://127.0.0.1/a}",
        "%00%2e%2e%2f",
        new string('a', 5_000),
        "\uD800",
    ];

    /// <summary>The same names escaped as one path segment, plus dot segments sent raw (the client does not fold them).</summary>
    public static IEnumerable<string> PathSegments() =>
        Names.Where(name => name != "\uD800").Select(Uri.EscapeDataString).Concat(["%2e%2e", "%2E%2E%2F%2E%2E", "..%2F..%2Fetc%2Fpasswd", "%252e%252e"]);

    public const int DeepNesting = 10_000;

    /// <summary>Bodies that are not a well-formed request of any call, each with what it is.</summary>
    public static IEnumerable<(string What, byte[] Body)> BrokenBodies(int maxBodyBytes)
    {
        static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
        yield return ("an unclosed object", Utf8("{"));
        yield return ("an empty body", []);
        yield return ("not JSON", Utf8("fqid=finance.gdp.invoice:v1.0"));
        yield return ("an array", Utf8("[1,2]"));
        yield return ("a string", Utf8("\"finance.gdp.invoice:v1.0\""));
        yield return ("null", Utf8("null"));
        yield return ("invalid UTF-8", [(byte)'{', (byte)'"', 0xFF, 0xFE, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
        yield return ("a trailing second document", Utf8("{\"fqid\":\"finance.gdp.invoice:v1.0\"} {\"fqid\":\"x\"}"));
        yield return ($"{DeepNesting:N0}-deep arrays", Utf8("{\"fqid\":" + new string('[', DeepNesting) + new string(']', DeepNesting) + "}"));
        yield return ($"{DeepNesting:N0}-deep objects", Utf8(string.Concat(Enumerable.Repeat("{\"a\":", DeepNesting)) + "1" + new string('}', DeepNesting)));
        yield return ("a body over the limit", Utf8("{\"fqid\":\"" + new string('x', maxBodyBytes + 1024) + "\"}"));
        yield return ("a number too large for any field", Utf8("{\"fqid\":1e999,\"from_sequence\":1e999,\"older_than_days\":1e999,\"batch\":1e999,\"status\":1e999,\"comment\":1e999,\"grace_seconds\":1e999}"));
        yield return ("every field an object", Utf8("{\"fqid\":{},\"pipeline_id\":{},\"run_id\":{},\"name\":{},\"url\":{},\"status\":{},\"comment\":{},\"compatibility\":{},\"older_than_days\":{},\"grace_seconds\":{},\"from_sequence\":{},\"batch\":{}}"));
    }

    /// <summary>A string for a free-text field: as long as the body limit allows, with characters that take 2 to 4 bytes.</summary>
    public static string HugeText(int maxBodyBytes)
    {
        var text = new StringBuilder();
        const string pattern = "ф€😀\u0301a\u202E";
        while (Encoding.UTF8.GetByteCount(text.ToString()) < maxBodyBytes / 4)
        {
            text.Append(pattern);
        }
        return text.ToString();
    }

    /// <summary>A JSON string literal; characters outside ASCII are written as UTF-8, not escaped (so a text's size is its UTF-8 size).</summary>
    public static string Quote(string value) => JsonSerializer.Serialize(value, QuoteOptions);

    private static readonly JsonSerializerOptions QuoteOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
