using System.Text.Json;
using SchemaRegistry.Server.Http;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Caching;

/// <summary>A schema answer with its JSON bytes and entity tag, made once and served as is while it is cached.</summary>
internal sealed class SchemaAnswer(SchemaResponse response)
{
    public SchemaResponse Response { get; } = response;

    public byte[] Json { get; } = JsonSerializer.SerializeToUtf8Bytes(response, RegistryJson.Options);

    public string ETag { get; } = ETags.Of(response);
}
