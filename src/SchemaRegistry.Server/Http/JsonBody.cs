using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Http;

/// <summary>
/// Reads a JSON body whatever its Content-Type: the runbook's <c>curl -d '{"fqid":…}'</c> sends
/// form-urlencoded, and it must work as written. The body (already capped at <c>Registry:MaxBodyBytes</c>) is read
/// whole and checked before it is bound: valid UTF-8, one JSON document, at most <see cref="RegistryJson.MaxDepth"/>
/// levels, no lone UTF-16 surrogate escaped in a string. The serializer alone would let invalid UTF-8 through in a
/// property it skips, and fail on a lone surrogate with an exception that is not a JSON error.
/// </summary>
internal static partial class JsonBody
{
    /// <summary>
    /// The wire options, refusing members a call does not know: a misspelt <c>"compatiblity"</c> is an error, not a
    /// setting silently left at its default. Answers are still read leniently by the SDK, so a newer server can add
    /// fields to them.
    /// </summary>
    private static readonly JsonSerializerOptions Strict = CreateStrict();

    private static JsonSerializerOptions CreateStrict()
    {
        var options = new JsonSerializerOptions(RegistryJson.Options) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class =>
        Parse<T>(await ReadBytesAsync(request, cancellationToken));

    /// <summary>The same strict reading for a document typed into a form (the console's register page).</summary>
    public static T Parse<T>(string text) where T : class => Parse<T>(System.Text.Encoding.UTF8.GetBytes(text ?? ""));

    /// <summary>For calls whose body may be left out: an empty body gives <paramref name="absent"/>.</summary>
    public static async Task<T> ReadOptionalAsync<T>(HttpRequest request, T absent, CancellationToken cancellationToken) where T : class
    {
        var bytes = await ReadBytesAsync(request, cancellationToken);
        return bytes.Count == 0 ? absent : Parse<T>(bytes);
    }

    private static async Task<ArraySegment<byte>> ReadBytesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static T Parse<T>(ReadOnlySpan<byte> bytes) where T : class
    {
        if (!Utf8.IsValid(bytes))
        {
            throw Malformed("Malformed JSON", "The request body is not valid UTF-8.");
        }
        try
        {
            if (CheckStrings(bytes) is not JsonTokenType.StartObject and var first)
            {
                throw Malformed("Body required", $"This call expects a JSON object ({{…}}); the body is {JsonTerms.Describe(first)}.");
            }
            return JsonSerializer.Deserialize<T>(bytes, Strict) ?? throw Malformed("Body required", "This call needs a JSON object body.");
        }
        catch (JsonException e) when (UnmappedMember().Match(e.Message) is { Success: true } unknown)
        {
            var member = unknown.Groups[1].Value;
            // The serializer's path ends at the unknown member itself: the object holding it is the parent.
            var parent = e.Path is { } path && (path.EndsWith($".{member}", StringComparison.Ordinal) || path.EndsWith($"['{member}']", StringComparison.Ordinal))
                ? path[..path.LastIndexOf(path.EndsWith(']') ? "['" : ".", StringComparison.Ordinal)]
                : e.Path;
            var at = parent is null or "$" ? "" : $" in {parent}";
            throw Malformed("Unknown member", $"This call does not take '{member}'{at}.{(at.Length == 0 ? Spelling.DidYouMean(member, Strict.GetTypeInfo(typeof(T)).Properties.Select(p => p.Name)) : "")} See /openapi/v1.json for its members.");
        }
        catch (JsonException e)
        {
            throw Malformed("Malformed JSON", $"The request body is not valid JSON for this call: {JsonTerms.Message(e)}");
        }
    }

    /// <summary>Checks the strings; returns the type of the document's first token (<see cref="JsonTokenType.None"/> when empty).</summary>
    private static JsonTokenType CheckStrings(ReadOnlySpan<byte> bytes)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = RegistryJson.MaxDepth });
        var first = JsonTokenType.None;
        while (reader.Read())
        {
            if (first == JsonTokenType.None)
            {
                first = reader.TokenType;
            }
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
            {
                try
                {
                    // The reader refuses to unescape a lone surrogate; a pair is fine.
                    _ = reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    throw new JsonException($"The string at byte {reader.TokenStartIndex} holds a lone UTF-16 surrogate.");
                }
            }
        }
        return first;
    }

    [System.Text.RegularExpressions.GeneratedRegex("property '(.*)' could not be mapped", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex UnmappedMember();

    private static RegistryException Malformed(string title, string detail) =>
        new(new RegistryError(ErrorCode.RequestMalformed, ErrorKind.BadRequest, title, detail));
}
