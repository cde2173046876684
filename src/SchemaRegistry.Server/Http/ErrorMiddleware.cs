using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Http;

/// <summary>Turns every failure into problem details; unexpected ones are logged and answered 500 without internals.</summary>
internal sealed class ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && Translate(e) is { } error)
        {
            if (error.Kind == ErrorKind.Internal)
            {
                logger.LogError(e, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            }
            else
            {
                logger.LogInformation("{Code} on {Method} {Path}: {Detail}", error.Code, context.Request.Method, context.Request.Path, error.Detail);
            }
            await Problems.WriteAsync(context, error);
        }
    }

    private static RegistryError? Translate(Exception e) => e switch
    {
        RegistryException registry => registry.Error,
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new RegistryError(
            ErrorCode.RequestTooLarge, ErrorKind.TooLarge, "Request body too large", "The request body is larger than the configured limit."),
        BadHttpRequestException { InnerException: JsonException json } => Malformed(json),
        BadHttpRequestException bad => new RegistryError(ErrorCode.RequestMalformed, ErrorKind.BadRequest, "Bad request", bad.Message),
        JsonException json => Malformed(json),
        OperationCanceledException => null,
        _ => new RegistryError(ErrorCode.Internal, ErrorKind.Internal, "Internal error", "The registry failed unexpectedly; the error is logged."),
    };

    private static RegistryError Malformed(JsonException e) =>
        new(ErrorCode.RequestMalformed, ErrorKind.BadRequest, "Malformed JSON",
            $"The request body is not valid JSON for this call: {JsonTerms.Message(e)}");
}
