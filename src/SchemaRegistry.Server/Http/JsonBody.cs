using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SchemaRegistry.Contracts;
using SchemaRegistry.Core.Errors;

namespace SchemaRegistry.Server.Http;

/// <summary>
/// Reads a JSON body whatever its Content-Type: the runbook's <c>curl -d '{"fqid":…}'</c> sends
/// form-urlencoded, and it must work as written.
/// </summary>
internal static class JsonBody
{
    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        T? value;
        try
        {
            value = await JsonSerializer.DeserializeAsync<T>(request.Body, RegistryJson.Options, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new RegistryException(new RegistryError(ErrorCode.RequestMalformed, ErrorKind.BadRequest, "Malformed JSON",
                $"The request body is not valid JSON for this call: {e.Message}"));
        }
        return value ?? throw new RegistryException(new RegistryError(ErrorCode.RequestMalformed, ErrorKind.BadRequest,
            "Body required", "This call needs a JSON object body."));
    }
}
