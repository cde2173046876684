using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Http;

/// <summary>
/// Gives a catalog code to the statuses ASP.NET Core answers without a body: a path no endpoint maps (404), a method
/// the path does not take (405) and a parameter that does not bind (400, e.g. a required query parameter missing).
/// </summary>
internal static class BareStatusProblems
{
    public static IApplicationBuilder UseBareStatusProblems(this IApplicationBuilder app) =>
        app.UseStatusCodePages(WriteAsync);

    private static Task WriteAsync(StatusCodeContext status)
    {
        var context = status.HttpContext;
        var request = $"{context.Request.Method} {context.Request.Path}";
        RegistryError? error = context.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => new(ErrorCode.NoSuchEndpoint, ErrorKind.NotFound, "No such endpoint",
                $"No endpoint answers {request}; the API is listed at /openapi/v1.json."),
            StatusCodes.Status405MethodNotAllowed => new(ErrorCode.NoSuchEndpoint, ErrorKind.MethodNotAllowed, "Method not allowed",
                $"{context.Request.Path} does not take {context.Request.Method}; the API is listed at /openapi/v1.json."),
            StatusCodes.Status400BadRequest => new(ErrorCode.RequestMalformed, ErrorKind.BadRequest, "Bad request",
                $"{request}: a route or query parameter is missing or not of its type."),
            _ => null,
        };
        return error is null ? Task.CompletedTask : Problems.WriteAsync(context, error);
    }
}
