using Microsoft.AspNetCore.Http;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Http;

/// <summary>Writes a <see cref="RegistryError"/> as RFC 9457 problem details with its catalog code.</summary>
internal static class Problems
{
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.BadRequest => StatusCodes.Status400BadRequest,
        ErrorKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        ErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        ErrorKind.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static ProblemResponse ToResponse(RegistryError error, string? instance) => new(
        $"urn:schemareg:error:{error.Code}",
        error.Title,
        StatusOf(error.Kind),
        error.Detail,
        error.Code,
        instance,
        error.Issues.Count == 0 ? null : error.Issues.Select(i => new IssueItem(i.Code, i.Path, i.Message)).ToList());

    public static async Task WriteAsync(HttpContext context, RegistryError error)
    {
        Metrics.RegistryMetrics.Errors.WithLabels(error.Code).Inc();
        if (context.GetEndpoint()?.Metadata.GetMetadata<IErrorBodyWriter>() is { } door)
        {
            await door.WriteAsync(context, error);
            return;
        }
        var body = ToResponse(error, context.Request.Path.Value);
        context.Response.StatusCode = body.Status;
        context.Response.ContentType = "application/problem+json";
        await context.Response.WriteAsJsonAsync(body, RegistryJson.Options, "application/problem+json", context.RequestAborted);
    }
}
