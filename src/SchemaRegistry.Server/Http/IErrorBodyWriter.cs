using Microsoft.AspNetCore.Http;
using SchemaRegistry.Core.Errors;

namespace SchemaRegistry.Server.Http;

/// <summary>
/// Endpoint metadata of a door that answers errors in its own body shape (Confluent's <c>{"error_code","message"}</c>):
/// every error of its endpoints, authentication and authorization failures included, is written by it instead of as
/// problem details. The catalog code still counts in the error metric.
/// </summary>
internal interface IErrorBodyWriter
{
    Task WriteAsync(HttpContext context, RegistryError error);
}
