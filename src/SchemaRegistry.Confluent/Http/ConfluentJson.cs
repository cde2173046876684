using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Server.Http;

namespace SchemaRegistry.Confluent.Http;

/// <summary>Confluent's wire: camelCase members, nulls left out, its own media type; bodies read whatever their type.</summary>
internal static class ConfluentJson
{
    public const string MediaType = "application/vnd.schemaregistry.v1+json";

    /// <summary>The media types a request body may have (and none: curl sends form-urlencoded).</summary>
    public static readonly IReadOnlyList<string> RequestTypes = ["application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json", "application/json"];

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 64,
        // Schemas are JSON inside JSON strings: without this every quote in them would be written \u0022.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IResult Ok<T>(T value) => Results.Text(JsonSerializer.Serialize(value, Options), MediaType, System.Text.Encoding.UTF8);

    /// <summary>An answer already serialized (<see cref="Serialize{T}"/>), with the same content type as <see cref="Ok{T}"/>.</summary>
    public static IResult OkBytes(byte[] json) => Results.Bytes(json, MediaType + "; charset=utf-8");

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>The whole body, for a caller that hashes it before parsing it (<see cref="Parse{T}"/>).</summary>
    public static async Task<byte[]> ReadBytesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(request.ContentLength is > 0 and < 1 << 20 ? (int)request.ContentLength.Value : 1024);
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>As <see cref="ReadAsync{T}"/>, from a body already read.</summary>
    public static T Parse<T>(ReadOnlySpan<byte> body) where T : class
    {
        try
        {
            return (body.IsEmpty ? null : JsonSerializer.Deserialize<T>(body, Options))
                   ?? throw new ConfluentException(400, 400, "The request body is empty or null; a JSON object is required.");
        }
        catch (JsonException e)
        {
            throw new ConfluentException(400, 400, $"The request body is not valid JSON for this call: {e.Message}");
        }
    }

    public static async Task WriteErrorAsync(HttpContext context, int status, int code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = MediaType;
        await context.Response.WriteAsync(JsonSerializer.Serialize(new ErrorBody(code, message), Options), context.RequestAborted);
    }

    /// <summary>The body as <typeparamref name="T"/>: members it does not know are ignored (clients send more than they need).</summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken)
                   ?? throw new ConfluentException(400, 400, "The request body is empty or null; a JSON object is required.");
        }
        catch (JsonException e)
        {
            throw new ConfluentException(400, 400, $"The request body is not valid JSON for this call: {e.Message}");
        }
    }

    public static async Task<T?> ReadOptionalAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        if (request.ContentLength == 0)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<T>(buffer.ToArray(), Options);
        }
        catch (JsonException e)
        {
            throw new ConfluentException(400, 400, $"The request body is not valid JSON for this call: {e.Message}");
        }
    }

    public sealed record ErrorBody([property: JsonPropertyName("error_code")] int ErrorCode, [property: JsonPropertyName("message")] string Message);
}

/// <summary>Writes every error of a door endpoint (ours mapped, authentication included) as Confluent's error body.</summary>
internal sealed class ConfluentErrorWriter : IErrorBodyWriter
{
    public static readonly ConfluentErrorWriter Instance = new();

    public Task WriteAsync(HttpContext context, RegistryError error)
    {
        var (status, code) = ConfluentErrors.Of(error);
        if (status == 401)
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"schemareg\"";
        }
        var detail = status == 401
            ? $"Unauthorized: {error.Detail} Kafka clients send HTTP Basic with an API key's secret as the password (basic.auth.user.info=NAME:SECRET)."
            : error.Detail;
        return ConfluentJson.WriteErrorAsync(context, status, code, $"{detail} ({error.Code})");
    }
}

/// <summary>Answers a <see cref="ConfluentException"/> thrown by a door handler.</summary>
internal sealed class ConfluentExceptionFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ConfluentException e) when (!context.HttpContext.Response.HasStarted)
        {
            await ConfluentJson.WriteErrorAsync(context.HttpContext, e.Status, e.ErrorCode, e.Message);
            return Results.Empty;
        }
    }
}
