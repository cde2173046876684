using System.Text.Json;
using System.Text.Json.Serialization;

namespace SchemaRegistry.Wire;

/// <summary>The JSON settings of the wire format (snake_case names, as in the runbook's <c>run_id</c>).</summary>
public static class RegistryJson
{
    /// <summary>Deepest nesting accepted in a request body.</summary>
    public const int MaxDepth = 64;

    /// <summary>Options shared by the server and the SDK.</summary>
    public static readonly JsonSerializerOptions Options = Create();

    /// <summary>Applies the wire settings to an options instance (for hosts that own theirs).</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.MaxDepth = MaxDepth;
        options.PropertyNameCaseInsensitive = false;
        // Problem details quote user input; keep quotes and angle brackets readable (bodies are never HTML).
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        Apply(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
